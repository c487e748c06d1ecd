# A root module using datafold-dbt-cloud: one region setting drives both the dbt Cloud provider's host and the host
# Datafold calls. Credentials come from the environment: DBT_CLOUD_TOKEN and DBT_CLOUD_ACCOUNT_ID (dbtcloud),
# DATAFOLD_API_KEY and DATAFOLD_HOST (datafold, e.g. https://eu.datafold.com).

terraform {
  required_version = ">= 1.6"
  required_providers {
    dbtcloud = {
      source  = "dbt-tf/dbtcloud"
      version = "~> 0.1"
    }
    datafold = {
      source  = "dbt-tf/datafold"
      version = "~> 0.1"
    }
  }
}

# A module cannot configure the providers it is given, so the root derives the provider's host from the same region
# with the module's provider-free region submodule (from a registry or git: ".../datafold-dbt-cloud//modules/region").
module "dbt_cloud_region" {
  source = "../../modules/region"

  dbt_cloud_region = var.dbt_cloud_region
  dbt_cloud_host   = var.dbt_cloud_host
}

provider "dbtcloud" {
  host_url = module.dbt_cloud_region.dbt_cloud_api_url
}

provider "datafold" {}

module "datafold_dbt_cloud" {
  source = "../.."

  dbt_cloud_project_name     = var.dbt_cloud_project_name
  dbt_cloud_environment_name = var.dbt_cloud_environment_name
  datafold_data_source_name  = var.datafold_data_source_name
  datafold_repository_id     = var.datafold_repository_id
  dbt_cloud_region           = var.dbt_cloud_region
  dbt_cloud_host             = var.dbt_cloud_host
  recipe                     = var.recipe
}

variable "dbt_cloud_project_name" {
  description = "dbt Cloud project whose production manifest Datafold diffs against."
  type        = string
}

variable "dbt_cloud_environment_name" {
  description = "The project's production deployment environment."
  type        = string
  default     = "Production"
}

variable "datafold_data_source_name" {
  description = "Datafold data connection that the dbt project writes to."
  type        = string
}

variable "datafold_repository_id" {
  description = "Datafold repository integration that holds the dbt project."
  type        = number
}

variable "dbt_cloud_region" {
  description = "us, emea or au."
  type        = string
  default     = "us"
}

variable "dbt_cloud_host" {
  description = "Access URL of a single-tenant or cell-based dbt Cloud account; overrides dbt_cloud_region."
  type        = string
  default     = null
}

variable "recipe" {
  description = "hourly (dbt compile every hour) or merge (dbt ls on merge to the production branch)."
  type        = string
  default     = "hourly"
}

output "service_token_id" {
  value = module.datafold_dbt_cloud.service_token_id
}

output "artifacts_job_id" {
  value = module.datafold_dbt_cloud.artifacts_job_id
}

output "artifacts_job_url" {
  value = module.datafold_dbt_cloud.artifacts_job_url
}

output "pull_request_job_id" {
  value = module.datafold_dbt_cloud.pull_request_job_id
}

output "integration_id" {
  value = module.datafold_dbt_cloud.integration_id
}

output "dbt_cloud_project_id" {
  value = module.datafold_dbt_cloud.dbt_cloud_project_id
}

output "dbt_cloud_environment_id" {
  value = module.datafold_dbt_cloud.dbt_cloud_environment_id
}

output "datafold_data_source_id" {
  value = module.datafold_dbt_cloud.datafold_data_source_id
}
