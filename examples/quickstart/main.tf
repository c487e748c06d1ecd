# The whole "integrate Datafold with dbt Cloud" setup: a service token for Datafold, the hourly job that produces
# production artifacts, and the Datafold CI integration that uses both.

# Credentials come from the environment: DBT_CLOUD_TOKEN, DBT_CLOUD_ACCOUNT_ID, DBT_CLOUD_HOST_URL (dbtcloud) and
# DATAFOLD_API_KEY, DATAFOLD_HOST (datafold).
provider "dbtcloud" {}
provider "datafold" {}

resource "dbtcloud_service_token" "datafold" {
  name = "Datafold CI"

  service_token_permissions {
    permission_set = "member"
    all_projects   = true
  }
}

resource "dbtcloud_artifacts_job" "datafold" {
  project_id     = var.dbt_cloud_project_id
  environment_id = var.dbt_cloud_environment_id
  name           = "Datafold artifacts"
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
