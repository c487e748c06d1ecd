# The Pull Request job of Datafold's dbt Cloud prerequisites ("Set up dbt Cloud CI"): on every pull request it builds
# what changed (`dbt build --select state:modified+`) in a CI environment, deferring to production for the rest.
resource "dbtcloud_ci_job" "pull_requests" {
  project_id               = 67890
  environment_id           = 24680 # a deployment environment for CI
  deferring_environment_id = 13579 # the production environment
}

# Every setting spelled out, with Advanced CI's compare changes and SQL linting on.
resource "dbtcloud_ci_job" "advanced" {
  project_id               = 67890
  environment_id           = 24680
  deferring_environment_id = 13579

  name                   = "Pull request CI (advanced)"
  description            = "Builds pull requests for Datafold's data diffs."
  execute_steps          = ["dbt build --select state:modified+"]
  run_on_pull_requests   = true
  triggers_on_draft_pr   = false
  dbt_version            = "latest"
  num_threads            = 4
  target_name            = "ci"
  timeout_seconds        = 3600
  run_compare_changes    = true
  compare_changes_flags  = "--select state:modified"
  run_lint               = true
  errors_on_lint_failure = false
}

# Datafold's integration names both jobs.
output "pull_request_job_id" {
  value = dbtcloud_ci_job.pull_requests.job_id
}
