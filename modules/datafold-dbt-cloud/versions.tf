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
