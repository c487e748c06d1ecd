variable "dbt_cloud_account_id" {
  description = "dbt Cloud account id (the number in https://cloud.getdbt.com/deploy/<account_id>/...)."
  type        = number
}

variable "dbt_cloud_project_name" {
  description = "Name of the dbt Cloud project whose production manifest Datafold should diff against (exact, as dbt Cloud shows it)."
  type        = string
}

variable "dbt_cloud_environment_name" {
  description = "Name of the project's production (deployment) environment, where the artifacts job runs."
  type        = string
  default     = "Production"
}

variable "datafold_repository_id" {
  description = "Datafold repository integration (GitHub or GitLab) that holds the dbt project."
  type        = number
}

variable "datafold_data_source_name" {
  description = "Name of the Datafold data connection that the dbt project writes to (exact, as Datafold shows it)."
  type        = string
}

variable "dbt_cloud_host_url" {
  description = "dbt Cloud access URL as Datafold should call it (without /api)."
  type        = string
  default     = "https://cloud.getdbt.com"
}

variable "token_rotation" {
  description = "Any value; changing it replaces the dbt Cloud service token (a new secret) and updates the Datafold integration in the same apply."
  type        = string
  default     = "1"
}
