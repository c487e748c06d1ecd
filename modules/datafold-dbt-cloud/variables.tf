# ---- what to connect, by name ----

variable "dbt_cloud_project_name" {
  description = "Name of the dbt Cloud project whose production manifest Datafold diffs against, as shown in dbt Cloud."
  type        = string
  nullable    = false

  validation {
    condition     = trimspace(var.dbt_cloud_project_name) != ""
    error_message = "dbt_cloud_project_name must name a dbt Cloud project (it is empty)."
  }
}

variable "dbt_cloud_environment_name" {
  description = "Name of the project's production deployment environment, where the artifacts job runs."
  type        = string
  default     = "Production"
  nullable    = false

  validation {
    condition     = trimspace(var.dbt_cloud_environment_name) != ""
    error_message = "dbt_cloud_environment_name must name a deployment environment of the project (it is empty)."
  }
}

variable "datafold_data_source_name" {
  description = "Name of the Datafold data connection (warehouse) that the dbt project writes to."
  type        = string
  nullable    = false

  validation {
    condition     = trimspace(var.datafold_data_source_name) != ""
    error_message = "datafold_data_source_name must name a Datafold data connection (it is empty)."
  }
}

variable "datafold_repository_id" {
  description = "Id of the Datafold repository integration (GitHub or GitLab, set up in Datafold beforehand) that holds the dbt project."
  type        = number
  nullable    = false

  validation {
    condition     = var.datafold_repository_id >= 1 && floor(var.datafold_repository_id) == var.datafold_repository_id
    error_message = "datafold_repository_id must be the positive whole number Datafold shows for the repository integration."
  }
}

# ---- where dbt Cloud is ----

variable "dbt_cloud_region" {
  description = "dbt Cloud region of the account: `us` (cloud.getdbt.com), `emea` (emea.dbt.com) or `au` (au.dbt.com). Give the same value to the root module's `provider \"dbtcloud\"` block (see README.md)."
  type        = string
  default     = "us"
  nullable    = false

  validation {
    condition     = contains(["us", "emea", "au"], var.dbt_cloud_region)
    error_message = "dbt_cloud_region must be one of \"us\" (cloud.getdbt.com), \"emea\" (emea.dbt.com) or \"au\" (au.dbt.com). For a single-tenant or cell-based account (e.g. https://ACCOUNT_PREFIX.us1.dbt.com), set dbt_cloud_host instead."
  }
}

variable "dbt_cloud_host" {
  description = "dbt Cloud access URL of a single-tenant or cell-based account (e.g. `https://ACCOUNT_PREFIX.us1.dbt.com`), or of a local emulator (`http://127.0.0.1:PORT`); overrides `dbt_cloud_region`. Checked by the `region` submodule."
  type        = string
  default     = null
}

# ---- how the artifacts job runs ----

variable "recipe" {
  description = "How production artifacts are produced: `hourly` (`dbt compile` every hour, Datafold's setup guide) or `merge` (`dbt ls` whenever a pull request is merged into the production branch, Datafold's current guide)."
  type        = string
  default     = "hourly"
  nullable    = false

  validation {
    condition     = contains(["hourly", "merge"], var.recipe)
    error_message = "recipe must be \"hourly\" (dbt compile every hour) or \"merge\" (dbt ls on merge to the production branch)."
  }
}

variable "schedule_cron" {
  description = "Schedule of the `hourly` recipe, a five-field cron expression in UTC. Not used by `merge`."
  type        = string
  default     = "0 * * * *"
  nullable    = false
}

# ---- names and rotation ----

variable "token_name" {
  description = "Name of the dbt Cloud service token Datafold uses."
  type        = string
  default     = "Datafold CI"
  nullable    = false
}

variable "token_all_projects" {
  description = "`true` grants the token's `member` permission set on every project of the account; `false` (default) on the named project only."
  type        = bool
  default     = false
  nullable    = false
}

variable "token_rotation" {
  description = "Any value; changing it replaces the service token (a new secret) and hands the new one to Datafold in the same apply."
  type        = string
  default     = "1"
  nullable    = false
}

variable "job_name" {
  description = "Name of the artifacts job in dbt Cloud."
  type        = string
  default     = "Datafold artifacts"
  nullable    = false
}

variable "create_ci_job" {
  description = "Whether to create the Pull Request job (dbt Cloud CI) and name it in the integration. Set false when the project's CI job is managed elsewhere."
  type        = bool
  default     = true
  nullable    = false
}

variable "dbt_cloud_ci_environment_name" {
  description = "Name of the deployment environment the Pull Request job runs in (a dedicated CI environment); null runs it in the production environment."
  type        = string
  default     = null
}

variable "ci_job_name" {
  description = "Name of the Pull Request job in dbt Cloud."
  type        = string
  default     = "Pull request CI"
  nullable    = false
}

variable "integration_name" {
  description = "Name of the Datafold CI integration (unique in the Datafold organization)."
  type        = string
  default     = "dbt Cloud CI"
  nullable    = false
}
