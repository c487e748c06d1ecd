terraform {
  required_providers {
    # One executable, two addresses: each resource type resolves to its natural provider.
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

# dbt Cloud. Every setting may come from the environment instead, which keeps the token out of the configuration:
#   DBT_CLOUD_ACCOUNT_ID  account id (the number after /accounts/ in dbt Cloud URLs)
#   DBT_CLOUD_TOKEN       an account admin service token (or a personal access token) that sees the account
#   DBT_CLOUD_HOST_URL    your region's address, e.g. https://emea.dbt.com or .../api (default https://cloud.getdbt.com/api)
provider "dbtcloud" {
  account_id = 12345
  host_url   = "https://emea.dbt.com/api"
  # token    = ...         # better: export DBT_CLOUD_TOKEN
}

# Datafold:
#   DATAFOLD_API_KEY      a Datafold service-account API key, as Datafold recommends for CI (DATAFOLD_APIKEY is read too)
#   DATAFOLD_HOST         the Datafold application URL (default https://app.datafold.com); CI integrations exist only
#                         in Datafold Classic (app.datafold.com, eu.datafold.com, Classic dedicated deployments)
provider "datafold" {
  host = "https://app.datafold.com"
  # api_key = ...          # better: export DATAFOLD_API_KEY

  # Both providers retry rate limits, server and network errors; these are the defaults.
  max_retries     = 4
  timeout_seconds = 30
}
