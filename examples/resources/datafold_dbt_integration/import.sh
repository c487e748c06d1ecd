# Import by the CI config id that Datafold shows after the integration is saved. The token is not imported: the next
# plan shows an in-place update that sends dbt_cloud_api_token from the configuration.
terraform import datafold_dbt_integration.ci 123
