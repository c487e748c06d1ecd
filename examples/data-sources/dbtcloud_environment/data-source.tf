# The production environment of a project, both by name: the ids the artifacts job needs.
data "dbtcloud_project" "analytics" {
  name = "Analytics"
}

data "dbtcloud_environment" "production" {
  project_id = data.dbtcloud_project.analytics.project_id
  name       = "Production"
}

resource "dbtcloud_artifacts_job" "datafold" {
  project_id     = data.dbtcloud_project.analytics.project_id
  environment_id = data.dbtcloud_environment.production.environment_id
}
