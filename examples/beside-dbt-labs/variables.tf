variable "dbt_cloud_account_id" {
  type        = number
  description = "The dbt Cloud account both dbt Cloud providers work in."
}

variable "dbt_cloud_project_id" {
  type        = number
  description = "The dbt Cloud project whose production environment dbt Labs' provider manages."
}

variable "dbt_cloud_host_url" {
  type        = string
  description = "dbt Cloud's address as Datafold calls it, without /api (e.g. https://cloud.getdbt.com or https://emea.dbt.com)."
  default     = "https://cloud.getdbt.com"
}

variable "datafold_repository_id" {
  type        = number
  description = "The Datafold repository integration of the dbt project's Git repository."
}

variable "datafold_data_source_id" {
  type        = number
  description = "The Datafold data source of the warehouse the dbt project builds."
}
