# The Datafold data connection the dbt project writes to, by its exact name.
data "datafold_data_source" "warehouse" {
  name = "Snowflake production"
}

output "data_source_id" {
  value = data.datafold_data_source.warehouse.data_source_id
}
