terraform {
  required_providers {
    datafold = {
      source  = "dbt-tf/datafold"
      version = "~> 0.1"
    }
  }
}
