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

variable "dbt_cloud_ci_environment_name" {
  description = "Name of the project's deployment environment where the Pull Request (CI) job runs."
  type        = string
  default     = "CI"
}

variable "datafold_repository_id" {
  description = "Datafold repository integration (GitHub or GitLab) that holds the dbt project."
  type        = number
}

variable "datafold_data_source_name" {
  description = "Name of the Datafold data connection that the dbt project writes to (exact, as Datafold shows it)."
  type        = string
}

variable "dbt_cloud_region" {
  description = "dbt Cloud region of the account: us (cloud.getdbt.com), emea (emea.dbt.com) or au (au.dbt.com). Sets both the dbt Cloud provider's host and the host Datafold calls."
  type        = string
  default     = "us"
  nullable    = false

  validation {
    condition     = contains(["us", "emea", "au"], var.dbt_cloud_region)
    error_message = "dbt_cloud_region must be one of \"us\" (cloud.getdbt.com), \"emea\" (emea.dbt.com) or \"au\" (au.dbt.com). For a single-tenant or cell-based account (e.g. https://ACCOUNT_PREFIX.us1.dbt.com), set dbt_cloud_host instead."
  }
}

variable "dbt_cloud_host" {
  description = "dbt Cloud access URL of a single-tenant or cell-based account (e.g. https://ACCOUNT_PREFIX.us1.dbt.com), without /api; overrides dbt_cloud_region."
  type        = string
  default     = null

  validation {
    condition     = var.dbt_cloud_host == null || can(regex("^https?://[^/]+$", var.dbt_cloud_host))
    error_message = "dbt_cloud_host must be an access URL such as \"https://ACCOUNT_PREFIX.us1.dbt.com\": the scheme and host, without /api or any other path."
  }
}

variable "token_rotation" {
  description = "Any value; changing it replaces the dbt Cloud service token (a new secret) and updates the Datafold integration in the same apply."
  type        = string
  default     = "1"
}
