# Import by the token's numeric id (the number in its dbt Cloud URL). dbt Cloud never shows the secret again, so
# token_string stays null until the token is replaced.
terraform import dbtcloud_service_token.datafold 12345
