# The job Datafold needs: `dbt compile` every hour in the production environment, so that a production
# manifest.json always exists. Every setting left out has the default of Datafold's setup guide.
resource "dbtcloud_artifacts_job" "datafold" {
  project_id     = 67890
  environment_id = 13579
}

# The merge job of Datafold's current guide: `dbt ls` (fast, and it writes manifest.json) whenever a pull request is
# merged into the production branch, instead of on a schedule. dbt Cloud runs a merge job on merge alone, so the
# schedule is turned off (run_on_merge = true with the schedule on is refused at `terraform validate`).
resource "dbtcloud_artifacts_job" "on_merge" {
  project_id       = 67890
  environment_id   = 13579
  execute_steps    = ["dbt ls"]
  run_on_merge     = true
  schedule_enabled = false
}

# Right after production: for a team whose production job already runs on merge or on a schedule, `dbt ls` as soon
# as that job succeeds (dbt Cloud's job completion trigger). The upstream job may be in another project.
resource "dbtcloud_artifacts_job" "after_production" {
  project_id         = 67890
  environment_id     = 13579
  execute_steps      = ["dbt ls"]
  schedule_enabled   = false
  run_after_job_id   = 24680 # the production job
  run_after_statuses = ["success"]
}

# Every setting spelled out.
resource "dbtcloud_artifacts_job" "nightly" {
  project_id     = 67890
  environment_id = 13579

  name                  = "Datafold artifacts (nightly)"
  description           = "Production artifacts for Datafold's data diffs."
  execute_steps         = ["dbt deps", "dbt compile"]
  schedule_cron         = "30 2 * * *" # UTC
  schedule_enabled      = true
  run_on_merge          = false
  dbt_version           = "latest"
  num_threads           = 4
  target_name           = "prod"
  generate_docs         = false
  run_generate_sources  = false
  timeout_seconds       = 1800
  trigger_run_on_create = true # a first manifest right away, not after the first scheduled run
}

output "artifacts_job_url" {
  value = dbtcloud_artifacts_job.datafold.job_url
}
