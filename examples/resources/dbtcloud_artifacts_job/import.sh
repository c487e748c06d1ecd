# Import by the numeric job id (the number at the end of the job's URL in dbt Cloud, .../jobs/12345).
terraform import dbtcloud_artifacts_job.datafold 12345
