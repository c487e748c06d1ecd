# Datafold's dbt Cloud CI setup for one dbt Cloud project: a service token (permission set `member`), the Pull Request
# job (dbt Cloud CI, unless create_ci_job = false), an artifacts job (hourly `dbt compile` or `dbt ls` on merge) in the
# production environment, and the Datafold CI integration that names them. Everything is found by name; the ids come
# out as outputs.

module "region" {
  source = "./modules/region"

  dbt_cloud_region = var.dbt_cloud_region
  dbt_cloud_host   = var.dbt_cloud_host
}

data "dbtcloud_project" "this" {
  name = var.dbt_cloud_project_name
}

data "dbtcloud_environment" "production" {
  project_id = data.dbtcloud_project.this.project_id
  name       = var.dbt_cloud_environment_name
}

# The CI job's environment, when it has one of its own (otherwise it runs in the production environment).
data "dbtcloud_environment" "ci" {
  count      = var.create_ci_job && var.dbt_cloud_ci_environment_name != null ? 1 : 0
  project_id = data.dbtcloud_project.this.project_id
  name       = var.dbt_cloud_ci_environment_name
}

data "datafold_data_source" "warehouse" {
  name = var.datafold_data_source_name
}

locals {
  # The two recipes of Datafold's guides; `merge` turns the schedule off, since dbt Cloud runs a merge job on merge alone.
  recipes = {
    hourly = { execute_steps = ["dbt compile"], schedule_enabled = true, run_on_merge = false }
    merge  = { execute_steps = ["dbt ls"], schedule_enabled = false, run_on_merge = true }
  }
  recipe = local.recipes[var.recipe]
}

resource "dbtcloud_service_token" "datafold" {
  name = var.token_name

  service_token_permissions {
    permission_set = "member"
    all_projects   = var.token_all_projects
    project_id     = var.token_all_projects ? null : data.dbtcloud_project.this.project_id
  }

  rotation_triggers = {
    rotation = var.token_rotation
  }

  # The new token is created and handed to Datafold before the old one is deleted, so Datafold never holds a dead key.
  lifecycle {
    create_before_destroy = true
  }
}

resource "dbtcloud_artifacts_job" "datafold" {
  project_id       = data.dbtcloud_project.this.project_id
  environment_id   = data.dbtcloud_environment.production.environment_id
  name             = var.job_name
  execute_steps    = local.recipe.execute_steps
  schedule_enabled = local.recipe.schedule_enabled
  run_on_merge     = local.recipe.run_on_merge
  schedule_cron    = var.schedule_cron

  lifecycle {
    # Datafold compares pull requests with production: a development environment has no jobs, and a staging one
    # would give the wrong baseline.
    precondition {
      condition     = data.dbtcloud_environment.production.type == "deployment"
      error_message = "dbt Cloud environment \"${var.dbt_cloud_environment_name}\" of project \"${var.dbt_cloud_project_name}\" is a ${data.dbtcloud_environment.production.type} environment; the artifacts job needs the project's production deployment environment (set dbt_cloud_environment_name)."
    }
    precondition {
      condition     = data.dbtcloud_environment.production.deployment_type == null || data.dbtcloud_environment.production.deployment_type == "production"
      error_message = "dbt Cloud environment \"${var.dbt_cloud_environment_name}\" of project \"${var.dbt_cloud_project_name}\" is a ${coalesce(data.dbtcloud_environment.production.deployment_type, "general")} deployment environment; Datafold diffs against production: set dbt_cloud_environment_name to the project's production environment."
    }
  }
}

# Runs when a pull request is opened or updated, deferring to production: the job that builds pull requests.
resource "dbtcloud_ci_job" "pull_requests" {
  count                    = var.create_ci_job ? 1 : 0
  project_id               = data.dbtcloud_project.this.project_id
  environment_id           = var.dbt_cloud_ci_environment_name != null ? data.dbtcloud_environment.ci[0].environment_id : data.dbtcloud_environment.production.environment_id
  deferring_environment_id = data.dbtcloud_environment.production.environment_id
  name                     = var.ci_job_name
}

resource "datafold_dbt_integration" "ci" {
  name           = var.integration_name
  repository_id  = var.datafold_repository_id
  data_source_id = data.datafold_data_source.warehouse.data_source_id

  dbt_cloud_account_id = dbtcloud_artifacts_job.datafold.account_id
  dbt_cloud_host_url   = module.region.dbt_cloud_host_url
  dbt_cloud_api_token  = dbtcloud_service_token.datafold.token_string
  artifacts_job_id     = dbtcloud_artifacts_job.datafold.job_id
  pull_request_job_id  = var.create_ci_job ? dbtcloud_ci_job.pull_requests[0].job_id : null
}
