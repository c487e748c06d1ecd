output "service_token_id" {
  description = "dbt Cloud id of the service token Datafold uses."
  value       = dbtcloud_service_token.datafold.id
}

output "artifacts_job_id" {
  description = "dbt Cloud id of the artifacts job."
  value       = dbtcloud_artifacts_job.datafold.job_id
}

output "artifacts_job_url" {
  description = "The artifacts job in dbt Cloud's UI."
  value       = dbtcloud_artifacts_job.datafold.job_url
}

output "pull_request_job_id" {
  description = "dbt Cloud id of the Pull Request (CI) job, or null when create_ci_job is false."
  value       = var.create_ci_job ? dbtcloud_ci_job.pull_requests[0].job_id : null
}

output "integration_id" {
  description = "Datafold CI config id of the integration (used by datafold-sdk and Datafold's CI settings page)."
  value       = datafold_dbt_integration.ci.id
}

output "dbt_cloud_account_id" {
  description = "dbt Cloud account the token and the job live in (the provider's account_id)."
  value       = dbtcloud_artifacts_job.datafold.account_id
}

output "dbt_cloud_project_id" {
  description = "Id of the dbt Cloud project named by dbt_cloud_project_name."
  value       = data.dbtcloud_project.this.project_id
}

output "dbt_cloud_environment_id" {
  description = "Id of the dbt Cloud environment named by dbt_cloud_environment_name."
  value       = data.dbtcloud_environment.production.environment_id
}

output "datafold_data_source_id" {
  description = "Id of the Datafold data connection named by datafold_data_source_name."
  value       = data.datafold_data_source.warehouse.data_source_id
}

output "dbt_cloud_host_url" {
  description = "dbt Cloud access URL given to Datafold (from dbt_cloud_region or dbt_cloud_host), without /api."
  value       = module.region.dbt_cloud_host_url
}

output "dbt_cloud_api_url" {
  description = "dbt Cloud API URL for the same region: what the root's provider \"dbtcloud\" block should use as host_url."
  value       = module.region.dbt_cloud_api_url
}
