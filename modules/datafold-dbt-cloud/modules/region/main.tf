# Where dbt Cloud lives, from a region name or a host of your own: the one mapping that both the dbt Cloud provider's
# host_url and the Datafold integration's dbt_cloud_host_url are derived from. It uses no provider, so a root module
# can call it and pass its outputs to its own `provider "dbtcloud"` block (a module cannot configure a provider it
# is given).

terraform {
  required_version = ">= 1.6"
}

variable "dbt_cloud_region" {
  description = "dbt Cloud region of the account: `us` (cloud.getdbt.com), `emea` (emea.dbt.com) or `au` (au.dbt.com). Ignored when `dbt_cloud_host` is set."
  type        = string
  default     = "us"
  nullable    = false

  validation {
    condition     = contains(["us", "emea", "au"], var.dbt_cloud_region)
    error_message = "dbt_cloud_region must be one of \"us\" (cloud.getdbt.com), \"emea\" (emea.dbt.com) or \"au\" (au.dbt.com). For a single-tenant or cell-based account (e.g. https://ACCOUNT_PREFIX.us1.dbt.com), set dbt_cloud_host instead."
  }
}

variable "dbt_cloud_host" {
  description = "dbt Cloud access URL of a single-tenant or cell-based account (e.g. `https://ACCOUNT_PREFIX.us1.dbt.com`), or of a local emulator (`http://127.0.0.1:PORT`). Overrides `dbt_cloud_region`. A trailing `/api`, `/api/v2`, `/api/v3` or `/` is removed."
  type        = string
  default     = null

  validation {
    # https:// for any host; plain http:// only for loopback (the provider refuses anything else).
    condition = var.dbt_cloud_host == null || can(regex(
      "^(https://[A-Za-z0-9.-]+(:[0-9]+)?|http://(127\\.[0-9.]+|localhost|\\[::1\\])(:[0-9]+)?)(/api(/v[23])?)?/?$",
    var.dbt_cloud_host))
    error_message = "dbt_cloud_host must be a dbt Cloud access URL such as \"https://ACCOUNT_PREFIX.us1.dbt.com\": https://, a host name and nothing after it but an optional /api, /api/v2 or /api/v3 (http:// only for 127.0.0.1 or localhost)."
  }
}

locals {
  region_hosts = {
    us   = "https://cloud.getdbt.com"
    emea = "https://emea.dbt.com"
    au   = "https://au.dbt.com"
  }
  host_url = var.dbt_cloud_host != null ? replace(var.dbt_cloud_host, "/(/api(/v[23])?)?/?$/", "") : local.region_hosts[var.dbt_cloud_region]
}

output "dbt_cloud_host_url" {
  description = "dbt Cloud access URL without /api (e.g. https://emea.dbt.com): what Datafold's integration calls (`dbt_cloud_host_url`)."
  value       = local.host_url
}

output "dbt_cloud_api_url" {
  description = "dbt Cloud API base URL (the access URL followed by /api): the dbt Cloud provider's `host_url`."
  value       = "${local.host_url}/api"
}
