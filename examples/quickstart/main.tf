# The whole "integrate Datafold with dbt Cloud" setup, Datafold's prerequisites page in one apply: a service token for
# Datafold, the Pull Request job (dbt Cloud CI), the hourly job that produces production artifacts, and the Datafold CI
# integration that names all three.

# One setting says where dbt Cloud is: the provider's API and the host Datafold calls both follow var.dbt_cloud_region
# (or var.dbt_cloud_host), so they cannot disagree.
locals {
  dbt_cloud_hosts    = { us = "https://cloud.getdbt.com", emea = "https://emea.dbt.com", au = "https://au.dbt.com" }
  dbt_cloud_host_url = coalesce(var.dbt_cloud_host, local.dbt_cloud_hosts[var.dbt_cloud_region])
}

# Credentials come from the environment: DBT_CLOUD_TOKEN (dbtcloud), DATAFOLD_API_KEY and DATAFOLD_HOST (datafold,
# e.g. https://eu.datafold.com). The host is set here, so DBT_CLOUD_HOST_URL is not used.
provider "dbtcloud" {
  account_id = var.dbt_cloud_account_id
  host_url   = "${local.dbt_cloud_host_url}/api"
}

provider "datafold" {}

# The project, its production environment and the warehouse connection, looked up by name: `terraform plan` fails,
# listing the names that exist, when a name matches nothing (or more than one).
data "dbtcloud_project" "this" {
  name = var.dbt_cloud_project_name
}

data "dbtcloud_environment" "production" {
  project_id = data.dbtcloud_project.this.project_id
  name       = var.dbt_cloud_environment_name
}

# The deployment environment the Pull Request job runs in (a dedicated CI environment, as dbt Cloud recommends).
data "dbtcloud_environment" "ci" {
  project_id = data.dbtcloud_project.this.project_id
  name       = var.dbt_cloud_ci_environment_name
}

data "datafold_data_source" "warehouse" {
  name = var.datafold_data_source_name
}

resource "dbtcloud_service_token" "datafold" {
  name = "Datafold CI"

  service_token_permissions {
    permission_set = "member"
    all_projects   = true
  }

  # Change var.token_rotation to rotate the secret: a new token replaces this one.
  rotation_triggers = {
    rotation = var.token_rotation
  }

  # The new token is created and handed to Datafold before the old one is deleted, so Datafold never holds a dead key.
  lifecycle {
    create_before_destroy = true
  }
}

resource "dbtcloud_artifacts_job" "datafold" {
  project_id     = data.dbtcloud_project.this.project_id
  environment_id = data.dbtcloud_environment.production.environment_id
  name           = "Datafold artifacts"
  execute_steps  = ["dbt compile"]
  schedule_cron  = "0 * * * *"
}

# Runs when a pull request is opened or updated: builds what changed, deferring to production for the rest, so that
# Datafold can diff the pull request's tables against production's.
resource "dbtcloud_ci_job" "pull_requests" {
  project_id               = data.dbtcloud_project.this.project_id
  environment_id           = data.dbtcloud_environment.ci.environment_id
  deferring_environment_id = data.dbtcloud_environment.production.environment_id
}

resource "datafold_dbt_integration" "ci" {
  name           = "dbt Cloud CI"
  repository_id  = var.datafold_repository_id
  data_source_id = data.datafold_data_source.warehouse.data_source_id

  dbt_cloud_account_id = var.dbt_cloud_account_id
  dbt_cloud_host_url   = local.dbt_cloud_host_url
  dbt_cloud_api_token  = dbtcloud_service_token.datafold.token_string
  artifacts_job_id     = dbtcloud_artifacts_job.datafold.job_id
  pull_request_job_id  = dbtcloud_ci_job.pull_requests.job_id

  # Optional settings (Datafold's "Advanced settings"), with their defaults:
  # primary_key_tag      = "primary-key"
  # slim_diff            = false
  # files_to_ignore      = []
  # base_commit_strategy = "merge_base"
}
