# Usually the token and the job are managed in the same configuration (see examples/quickstart):
#   dbt_cloud_api_token = dbtcloud_service_token.datafold.token_string
#   artifacts_job_id    = dbtcloud_artifacts_job.datafold.job_id
variable "dbt_cloud_api_token" {
  description = "dbt Cloud service token for Datafold (permission set member)."
  type        = string
  sensitive   = true
}

resource "datafold_dbt_integration" "ci" {
  name                 = "dbt Cloud CI"
  repository_id        = 42 # Datafold repository integration (GitHub or GitLab)
  data_source_id       = 7  # Datafold data connection the dbt project writes to
  dbt_cloud_account_id = 12345
  dbt_cloud_host_url   = "https://cloud.getdbt.com"
  dbt_cloud_api_token  = var.dbt_cloud_api_token
  artifacts_job_id     = 24680

  # Datafold's advanced CI settings (all optional).
  pull_request_job_id  = 97531
  slim_diff            = true
  files_to_ignore      = ["docs/**", "!docs/metrics/**"]
  base_commit_strategy = "latest"
  diff_threshold       = 50

  sampling {
    enabled   = true
    threshold = 5000000
  }
}

# The same integration with the token kept out of plan and state (Terraform 1.11 or later): a write-only argument,
# here fed from an ephemeral variable. Bump the version after rotating the token to send the new one.
variable "dbt_cloud_api_token_ephemeral" {
  description = "dbt Cloud service token for Datafold, never stored by Terraform."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "datafold_dbt_integration" "ci_write_only" {
  name                 = "dbt Cloud CI (write-only token)"
  repository_id        = 42
  data_source_id       = 7
  dbt_cloud_account_id = 12345
  artifacts_job_id     = 24680

  dbt_cloud_api_token_wo         = var.dbt_cloud_api_token_ephemeral
  dbt_cloud_api_token_wo_version = 1
}
