#!/usr/bin/env bash
# The live flow of `make test-live`, with the real terraform against the services named by the environment (see
# live-env.sh): apply, an empty second plan, a hand edit through the service's API caught as drift and restored, an
# import round trip, a token rotation, destroy. Every name starts with tf-acc-<run id>-; whatever happens (a failed
# step, Ctrl-C, SIGTERM) the EXIT trap destroys what the state holds and then deletes, by that run's own prefix only,
# anything the state lost (e.g. between `state rm` and `import`). SIGKILL leaves leftovers for `make sweep`.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=live-env.sh
source "$HERE/live-env.sh"
require_live_env
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECKPOINT_DISABLE=1 TF_INPUT=0 TF_IN_AUTOMATION=1

STEPS=8
DRIFTED_CRON="30 */6 * * *"
RUN_ID=${TF_ACC_RUN_ID:-$(date -u +%Y%m%d%H%M%S)-$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')}
PREFIX="tf-acc-$RUN_ID-"
[[ $RUN_ID =~ ^[a-z0-9-]+$ ]] || { echo "live-flow: TF_ACC_RUN_ID may hold only a-z, 0-9 and -" >&2; exit 2; }

step() { printf '\n==> live %s/%s [%s] %s\n' "$1" "$STEPS" "$PREFIX" "$2"; }
die() { printf '\nlive-flow: FAILED: %s\n' "$*" >&2; exit 1; }

# The provider: the NativeAOT binaries of `make build` (DBTTF_PROVIDER_DIR, as for the end-to-end tests, else bin/).
PROVIDER_DIR=${DBTTF_PROVIDER_DIR:-$ROOT/bin}
if [[ ! -x $PROVIDER_DIR/terraform-provider-dbtcloud || ! -x $PROVIDER_DIR/terraform-provider-datafold ]]; then
    make -C "$ROOT" --no-print-directory build
    PROVIDER_DIR=$ROOT/bin
fi
dotnet build "$ROOT/tools/DbtTfProvider.LiveSuite" -c Release -nologo -v:q >/dev/null
live_tool() { dotnet "$ROOT/tools/DbtTfProvider.LiveSuite/bin/Release/net10.0/DbtTfProvider.LiveSuite.dll" "$@"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dbttf-live.XXXXXX")
cp "$HERE/flow/main.tf" "$WORK/"
cat >"$WORK/terraform.rc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/dbt-tf/dbtcloud" = "$PROVIDER_DIR"
    "registry.terraform.io/dbt-tf/datafold" = "$PROVIDER_DIR"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE=$WORK/terraform.rc
write_tfvars() {
    cat >"$WORK/terraform.tfvars" <<TFVARS
run_prefix                          = "$PREFIX"
dbt_cloud_account_id                = $DBT_CLOUD_ACCOUNT_ID
dbt_cloud_access_url                = "$DBT_CLOUD_HOST_URL"
dbt_cloud_project_id                = $TF_ACC_DBT_CLOUD_PROJECT_ID
dbt_cloud_production_environment_id = $TF_ACC_DBT_CLOUD_PRODUCTION_ENVIRONMENT_ID
dbt_cloud_ci_environment_id         = $TF_ACC_DBT_CLOUD_CI_ENVIRONMENT_ID
datafold_data_source_id             = $TF_ACC_DATAFOLD_DATA_SOURCE_ID
datafold_repository_id              = $TF_ACC_DATAFOLD_REPOSITORY_ID
token_rotation                      = $1
TFVARS
}
write_tfvars 1
tf() { terraform -chdir="$WORK" "$@" -no-color; }

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    # A second Ctrl-C during the clean-up must not stop it half-way.
    trap '' INT
    printf '\n==> clean-up of run %s (exit status so far: %s)\n' "$RUN_ID" "$status"
    if [[ -f $WORK/terraform.tfstate ]] && [[ -n $(tf state list 2>/dev/null) ]]; then
        tf destroy -auto-approve || { echo "live-flow: terraform destroy failed; the sweep below deletes by prefix" >&2; status=1; }
    fi
    live_tool sweep --run-id "$RUN_ID" --older-than 0 --yes || { echo "live-flow: the sweep of $PREFIX failed: run make sweep" >&2; status=1; }
    rm -rf "$WORK"
    printf 'live-flow: %s\n' "$([[ $status -eq 0 ]] && echo passed || echo "failed (exit $status)")"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo "live-flow: run $RUN_ID, working directory $WORK, provider $PROVIDER_DIR"

plan_exit() { local s=0; tf plan -detailed-exitcode "$@" >"$WORK/plan.txt" 2>&1 || s=$?; cat "$WORK/plan.txt"; return $s; }
expect_empty_plan() { local s=0; plan_exit || s=$?; [[ $s -eq 0 ]] || die "$1: expected an empty plan (exit 0), got exit $s"; echo "plan: no changes"; }

step 1 "terraform apply: service token, artifacts job, Pull Request job and Datafold CI integration"
tf apply -auto-approve
JOB_ID=$(tf output -raw artifacts_job_id)
TOKEN_ID=$(tf output -raw service_token_id)
[[ $JOB_ID =~ ^[0-9]+$ && $TOKEN_ID =~ ^[0-9]+$ ]] || die "outputs: job \"$JOB_ID\", token \"$TOKEN_ID\""

step 2 "second terraform plan: nothing to change"
expect_empty_plan "after the first apply"

step 3 "contract report again, now that objects exist: the single-object reads too"
live_tool contract-report

step 4 "a hand edit through dbt Cloud's API (job $JOB_ID schedule) shown as drift, then restored"
live_tool edit-job-cron "$JOB_ID" "$DRIFTED_CRON"
s=0; plan_exit || s=$?
[[ $s -eq 2 ]] || die "after the hand edit: expected a plan with changes (exit 2), got exit $s"
grep -q 'schedule_cron' "$WORK/plan.txt" || die "the drift plan does not name schedule_cron"
grep -q '0 to add, 1 to change, 0 to destroy' "$WORK/plan.txt" || die "the drift plan is not exactly one change"
tf apply -auto-approve
expect_empty_plan "after restoring the schedule"

step 5 "import round trip: the job leaves the state and is imported back by id; the plan stays empty"
tf state rm dbtcloud_artifacts_job.datafold
tf import dbtcloud_artifacts_job.datafold "$JOB_ID"
expect_empty_plan "after the import"

step 6 "token rotation: a new token is made and handed to Datafold before the old one is deleted"
write_tfvars 2
s=0; plan_exit || s=$?
[[ $s -eq 2 ]] || die "rotation: expected a plan with changes (exit 2), got exit $s"
grep -q 'dbtcloud_service_token.datafold must be replaced' "$WORK/plan.txt" || die "rotation: the token is not replaced"
tf apply -auto-approve
NEW_TOKEN_ID=$(tf output -raw service_token_id)
[[ $NEW_TOKEN_ID != "$TOKEN_ID" ]] || die "rotation: the token id did not change ($TOKEN_ID)"
expect_empty_plan "after the rotation"

step 7 "Pull Request job (dbtcloud_ci_job): named by the integration, imported back by id with an empty plan"
CI_JOB_ID=$(tf output -raw ci_job_id)
[[ $CI_JOB_ID =~ ^[0-9]+$ ]] || die "output: CI job \"$CI_JOB_ID\""
# Read whole before grep: `grep -q` stops at the match, and under pipefail the rest of terraform's output would then
# fail the step with SIGPIPE.
INTEGRATION_STATE=$(tf state show datafold_dbt_integration.ci)
grep -Eq "pull_request_job_id +=  *$CI_JOB_ID\$" <<<"$INTEGRATION_STATE" \
    || die "the integration does not name the Pull Request job $CI_JOB_ID"
tf state rm dbtcloud_ci_job.pull_requests
tf import dbtcloud_ci_job.pull_requests "$CI_JOB_ID"
expect_empty_plan "after importing the Pull Request job"

step 8 "terraform destroy, then nothing named $PREFIX is left in either service"
tf destroy -auto-approve
live_tool sweep --run-id "$RUN_ID" --older-than 0 | tee "$WORK/sweep.txt"
grep -q ': 0 object(s) named' "$WORK/sweep.txt" || die "objects named $PREFIX are left after destroy"
