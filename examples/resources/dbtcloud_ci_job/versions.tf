terraform {
  required_providers {
    dbtcloud = {
      source  = "dbt-tf/dbtcloud"
      version = "~> 0.1"
    }
  }
}
