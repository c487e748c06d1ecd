# Import by the numeric job id (the number at the end of the job's URL in dbt Cloud, .../jobs/12345). Only a CI job
# imports here; a scheduled or merge job is refused (manage it with dbtcloud_artifacts_job).
terraform import dbtcloud_ci_job.pull_requests 12345
