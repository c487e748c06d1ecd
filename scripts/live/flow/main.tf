# The live suite's configuration: examples/quickstart's three resources, with the fixture objects given by id (the run
# must not depend on names it does not own) and every name carrying the run prefix, so that a sweep can find what a
# killed run left and nothing else. Credentials and hosts come from the provider's own environment variables.
terraform {
  required_providers {
    dbtcloud = { source = "dbt-tf/dbtcloud" }
    datafold = { source = "dbt-tf/datafold" }
  }
}

provider "dbtcloud" {}
provider "datafold" {}

variable "run_prefix" {
  description = "tf-acc-<run id>- : the start of every name this run gives."
  type        = string
}
variable "dbt_cloud_account_id" { type = number }
variable "dbt_cloud_access_url" { type = string }
variable "dbt_cloud_project_id" { type = number }
variable "dbt_cloud_production_environment_id" { type = number }
variable "datafold_data_source_id" { type = number }
variable "datafold_repository_id" { type = number }
variable "token_rotation" {
  type    = number
  default = 1
}

resource "dbtcloud_service_token" "datafold" {
  name = "${var.run_prefix}datafold"

  service_token_permissions {
    permission_set = "member"
    all_projects   = true
  }

  rotation_triggers = {
    rotation = var.token_rotation
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "dbtcloud_artifacts_job" "datafold" {
  project_id     = var.dbt_cloud_project_id
  environment_id = var.dbt_cloud_production_environment_id
  name           = "${var.run_prefix}artifacts"
  execute_steps  = ["dbt compile"]
  schedule_cron  = "0 * * * *"
}

# LIVE STEP: Pull Request job. `dbtcloud_ci_job` is being built on branch h19jobs; when it lands, add it here in the
# CI environment (TF_ACC_DBT_CLOUD_CI_ENVIRONMENT_ID, passed as var.dbt_cloud_ci_environment_id) named
# "${var.run_prefix}pull-requests", set ci_job_id below to its id, and enable the step marked the same way in
# ../live-flow.sh.

resource "datafold_dbt_integration" "ci" {
  name           = "${var.run_prefix}ci"
  repository_id  = var.datafold_repository_id
  data_source_id = var.datafold_data_source_id

  dbt_cloud_account_id = var.dbt_cloud_account_id
  dbt_cloud_host_url   = var.dbt_cloud_access_url
  dbt_cloud_api_token  = dbtcloud_service_token.datafold.token_string
  artifacts_job_id     = dbtcloud_artifacts_job.datafold.job_id
}

output "artifacts_job_id" {
  value = dbtcloud_artifacts_job.datafold.job_id
}

output "service_token_id" {
  value = dbtcloud_service_token.datafold.id
}
