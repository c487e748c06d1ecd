# The token Datafold uses to read dbt Cloud: permission set `member` on every project of the account.
resource "dbtcloud_service_token" "datafold" {
  name = "Datafold CI"

  service_token_permissions {
    permission_set = "member"
    all_projects   = true
  }

  # Change the value to rotate the secret: a new token replaces this one. Any value works, e.g. the id of a
  # time_rotating resource for a scheduled rotation.
  rotation_triggers = {
    rotation = "2025-01"
  }

  # The replacement is created (and handed to its users) before the old token is deleted.
  lifecycle {
    create_before_destroy = true
  }
}

# A token limited to one project, allowed to write to development environments.
resource "dbtcloud_service_token" "analytics_ci" {
  name = "Analytics CI"

  service_token_permissions {
    permission_set                  = "developer"
    all_projects                    = false
    project_id                      = 67890
    writable_environment_categories = ["development"]
  }

  service_token_permissions {
    permission_set = "job_viewer"
    all_projects   = true
  }
}

output "datafold_token" {
  value     = dbtcloud_service_token.datafold.token_string
  sensitive = true
}
