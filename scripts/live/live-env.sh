# Sourced by every live-suite script (test-live.sh, contract-report.sh, sweep.sh): the values a run against real
# accounts needs, and the one check that refuses at once, listing every value that is missing, before anything runs.
# The service variables are the provider's own (it reads them itself); the TF_ACC_* ids name objects the run uses
# but never creates or deletes.

# name|what it is (one line each; the README's "Running against real accounts" lists the same names)
LIVE_SERVICE_VARIABLES=(
    "DBT_CLOUD_ACCOUNT_ID|dbt Cloud account id (the number in .../deploy/<account_id>/...)"
    "DBT_CLOUD_TOKEN|dbt Cloud service token with Account Admin (or Job Admin + Account Admin on tokens)"
    "DBT_CLOUD_HOST_URL|dbt Cloud API base, e.g. https://cloud.getdbt.com/api"
    "DATAFOLD_API_KEY|Datafold API key of a service account"
    "DATAFOLD_HOST|Datafold host, e.g. https://app.datafold.com"
)
LIVE_FIXTURE_VARIABLES=(
    "TF_ACC_DBT_CLOUD_PROJECT_ID|a dbt Cloud project the run may add jobs and tokens to"
    "TF_ACC_DBT_CLOUD_PRODUCTION_ENVIRONMENT_ID|that project's production (deployment) environment"
    "TF_ACC_DBT_CLOUD_CI_ENVIRONMENT_ID|that project's CI (deployment) environment, for the Pull Request job"
    "TF_ACC_DATAFOLD_DATA_SOURCE_ID|the Datafold data connection the project writes to"
    "TF_ACC_DATAFOLD_REPOSITORY_ID|the Datafold repository integration that holds the project"
)

# require_live_env [--no-fixtures]: exit 2 unless TF_ACC=1 and every value is set; the message lists all that miss.
require_live_env() {
    local wanted=("${LIVE_SERVICE_VARIABLES[@]}") missing=() entry name
    [[ ${1:-} == --no-fixtures ]] || wanted+=("${LIVE_FIXTURE_VARIABLES[@]}")
    [[ ${TF_ACC:-} == 1 ]] || missing+=("  TF_ACC=1 (the suite creates and deletes objects in real accounts; it runs only when asked)")
    for entry in "${wanted[@]}"; do
        name=${entry%%|*}
        [[ -n ${!name:-} ]] || missing+=("  $name: ${entry#*|}")
    done
    if ((${#missing[@]})); then
        printf '%s: refusing to run; missing:\n' "$(basename "$0")" >&2
        printf '%s\n' "${missing[@]}" >&2
        printf 'See README.md, "Running against real accounts".\n' >&2
        exit 2
    fi
}
