# Datafold's CI setup next to a dbt Cloud that dbt Labs' provider (dbt-labs/dbtcloud) already manages.
#
# Both providers are called "dbtcloud" and both have a dbtcloud_service_token, so this provider takes a second local
# name, dbttf, and every one of its dbt Cloud resources says `provider = dbttf`. Resources without a provider argument
# (here dbtcloud_environment) stay with dbt Labs' provider, as before.

terraform {
  required_version = ">= 1.5"
  required_providers {
    dbtcloud = { source = "dbt-labs/dbtcloud" } # dbt Labs' provider: projects, environments, other jobs
    dbttf    = { source = "dbt-tf/dbtcloud" }   # this provider: the token and the artifacts job for Datafold
    datafold = { source = "dbt-tf/datafold" }
  }
}

# Both dbt Cloud providers read DBT_CLOUD_TOKEN and DBT_CLOUD_HOST_URL from the environment (e.g.
# https://emea.dbt.com/api); the account is set here for both.
provider "dbtcloud" {
  account_id = var.dbt_cloud_account_id
}

provider "dbttf" {
  account_id = var.dbt_cloud_account_id
}

provider "datafold" {}

# Managed by dbt Labs' provider (no provider argument: the local name "dbtcloud").
resource "dbtcloud_environment" "production" {
  project_id      = var.dbt_cloud_project_id
  name            = "Production"
  type            = "deployment"
  deployment_type = "production"
  dbt_version     = "latest"
}

# The same type name as dbt Labs' token: `provider = dbttf` makes it this provider's.
resource "dbtcloud_service_token" "datafold" {
  provider = dbttf
  name     = "Datafold CI"

  service_token_permissions {
    permission_set = "member"
    all_projects   = true
  }

  # The new token reaches Datafold before the old one is deleted.
  lifecycle {
    create_before_destroy = true
  }
}

resource "dbtcloud_artifacts_job" "datafold" {
  provider       = dbttf
  project_id     = var.dbt_cloud_project_id
  environment_id = dbtcloud_environment.production.environment_id # from dbt Labs' provider
  execute_steps  = ["dbt compile"]
  schedule_cron  = "0 * * * *"
}

resource "datafold_dbt_integration" "ci" {
  name           = "dbt Cloud CI"
  repository_id  = var.datafold_repository_id
  data_source_id = var.datafold_data_source_id

  dbt_cloud_account_id = var.dbt_cloud_account_id
  dbt_cloud_host_url   = var.dbt_cloud_host_url
  dbt_cloud_api_token  = dbtcloud_service_token.datafold.token_string
  artifacts_job_id     = dbtcloud_artifacts_job.datafold.job_id
}
