output "service_token_id" {
  description = "dbt Cloud id of the service token Datafold uses."
  value       = dbtcloud_service_token.datafold.id
}

output "artifacts_job_url" {
  description = "The artifacts job in dbt Cloud's UI."
  value       = dbtcloud_artifacts_job.datafold.job_url
}

output "pull_request_job_url" {
  description = "The Pull Request (CI) job in dbt Cloud's UI."
  value       = dbtcloud_ci_job.pull_requests.job_url
}

output "datafold_ci_config_id" {
  description = "Datafold CI config id (used by datafold-sdk and Datafold's CI settings page)."
  value       = datafold_dbt_integration.ci.id
}
