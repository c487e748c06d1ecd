# A dbt Cloud project of the provider's account, by its exact name: no ids copied from dbt Cloud URLs.
data "dbtcloud_project" "analytics" {
  name = "Analytics"
}

output "project_id" {
  value = data.dbtcloud_project.analytics.project_id
}
