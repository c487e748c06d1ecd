#!/usr/bin/env bash
# `make demo`: the whole Datafold + dbt Cloud setup through modules/datafold-dbt-cloud (its examples/complete root
# module, everything found by name), applied with the real terraform against the project's emulator of both APIs;
# then drift made "by hand", caught by `terraform plan`, restored, destroyed.
# Needs only the .NET 10 SDK, Terraform 1.11+ and curl. Leaves nothing running; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
STEPS=9
DRIFTED_CRON="30 */6 * * *"

step() { printf '\n==> %s/%s %s\n' "$1" "$STEPS" "$2"; }
die() { printf '\ndemo: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet is not on PATH)"
command -v terraform >/dev/null || die "Terraform 1.11 or newer is required (terraform is not on PATH)"
command -v curl >/dev/null || die "curl is required: the demo edits objects through the emulator's HTTP admin API"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECKPOINT_DISABLE=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dbttf-demo.XXXXXX")
EMULATOR_PID=
cleanup() {
    status=$?
    trap - EXIT INT TERM
    if [[ -n $EMULATOR_PID ]]; then
        # The emulator runs in its own process group: stop all of it.
        kill -TERM -- "-$EMULATOR_PID" 2>/dev/null || true
        wait "$EMULATOR_PID" 2>/dev/null || true
        echo "(emulator stopped)"
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Colours for a person at a terminal, plain text for logs.
COLOR=()
[[ -t 1 ]] || COLOR=(-no-color)

step 1 "Build the provider (NativeAOT) and install it where Terraform looks for local providers (~/.terraform.d/plugins)"
make --no-print-directory install

step 2 "Start the dbt Cloud + Datafold emulator on a free loopback port (seed: examples/emulator/seed.json)"
dotnet build src/DbtTfProvider.Emulator -c Release -nologo -v:q >"$WORK/emulator-build.log" 2>&1 \
    || { cat "$WORK/emulator-build.log" >&2; die "the emulator did not build"; }
EMULATOR_DLL=$ROOT/src/DbtTfProvider.Emulator/bin/Release/net10.0/DbtTfProvider.Emulator.dll
[[ -f $EMULATOR_DLL ]] || die "the emulator build did not produce $EMULATOR_DLL"
set -m # the background job gets its own process group, so cleanup can stop everything it starts
dotnet "$EMULATOR_DLL" --urls http://127.0.0.1:0 --seed "$ROOT/examples/emulator/seed.json" >"$WORK/emulator.out" 2>"$WORK/emulator.err" &
EMULATOR_PID=$!
set +m
EMULATOR=
for _ in $(seq 1 600); do
    EMULATOR=$(sed -n '1s|^emulator listening on \(http://[^ ]*\).*$|\1|p' "$WORK/emulator.out")
    [[ -n $EMULATOR ]] && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || die "the emulator stopped before listening: $(cat "$WORK/emulator.err")"
    sleep 0.1
done
[[ -n $EMULATOR ]] || die "the emulator did not report its address within 60 s"
echo "emulator listening on $EMULATOR (dbt Cloud API at $EMULATOR/api, Datafold API at $EMULATOR/api/v1)"

# A fresh copy of the module and its example root module, with the seed's names; the emulator stands in for a
# single-tenant dbt Cloud host (dbt_cloud_host), which drives both the provider's host and Datafold's. Credentials come
# from the environment as in real use.
cp -R modules "$WORK/modules"
cd "$WORK/modules/datafold-dbt-cloud/examples/complete"
rm -rf .terraform .terraform.lock.hcl terraform.tfstate terraform.tfstate.backup terraform.tfvars
cat >terraform.tfvars <<EOF
dbt_cloud_project_name     = "Analytics"
dbt_cloud_environment_name = "Production"
datafold_data_source_name  = "Snowflake production"
datafold_repository_id     = 3
dbt_cloud_host             = "$EMULATOR"
recipe                     = "hourly"
EOF
export DBT_CLOUD_TOKEN=dbtc_admin_token DBT_CLOUD_ACCOUNT_ID=1
export DATAFOLD_HOST=$EMULATOR DATAFOLD_API_KEY=df_api_key TF_INPUT=0
# An empty CLI configuration: no provider_installation block, so Terraform uses the implied local mirror
# (~/.terraform.d/plugins) for dbt-tf/*, whatever TF_CLI_CONFIG_FILE the machine points at.
: >"$WORK/terraform.rc"
export TF_CLI_CONFIG_FILE=$WORK/terraform.rc

step 3 "terraform init and apply: project, environment and data connection found by name; the dbt Cloud service token, the Pull Request (CI) job, the hourly artifacts job and the Datafold CI integration naming both jobs"
terraform init "${COLOR[@]}"
terraform apply -auto-approve "${COLOR[@]}"

step 4 "terraform plan right after apply: nothing to change (-detailed-exitcode: 0 = no changes)"
terraform plan -detailed-exitcode "${COLOR[@]}" || die "expected an empty plan (exit code 0), got exit code $?"
echo "plan exit code 0: no changes"

JOB=module.datafold_dbt_cloud.dbtcloud_artifacts_job.datafold
JOB_ID=$(terraform output -raw artifacts_job_id)
[[ $JOB_ID =~ ^[0-9]+$ ]] || die "no artifacts_job_id output (got \"$JOB_ID\")"
PR_JOB_ID=$(terraform output -raw pull_request_job_id)
[[ $PR_JOB_ID =~ ^[0-9]+$ ]] || die "no pull_request_job_id output (got \"$PR_JOB_ID\"): the Pull Request job was not created"
step 5 "Someone edits the artifacts job's schedule in dbt Cloud's UI (here: the emulator's admin API): cron \"$DRIFTED_CRON\""
curl -fsS -X PATCH "$EMULATOR/_emulator/dbtcloud/jobs/$JOB_ID" -H 'Content-Type: application/json' \
    -d "{\"schedule\": {\"date\": {\"type\": \"custom_cron\", \"cron\": \"$DRIFTED_CRON\"}}}" >/dev/null
echo "PATCH /_emulator/dbtcloud/jobs/$JOB_ID: schedule \"0 * * * *\" -> \"$DRIFTED_CRON\""

step 6 "terraform plan finds the drift: the job's schedule_cron, and nothing else (-detailed-exitcode: 2 = changes)"
plan_status=0
terraform plan -detailed-exitcode "${COLOR[@]}" | tee "$WORK/drift-plan.txt" || plan_status=$?
[[ $plan_status -eq 2 ]] || die "expected a plan with changes (exit code 2), got exit code $plan_status"
grep -q 'schedule_cron' "$WORK/drift-plan.txt" || die "the plan does not name schedule_cron"
grep -q '0 to add, 1 to change, 0 to destroy' "$WORK/drift-plan.txt" || die "expected exactly one change in the plan"
grep -qF "$JOB" "$WORK/drift-plan.txt" || die "the plan does not name $JOB"
echo "plan exit code 2: drift in $JOB.schedule_cron"

step 7 "terraform apply puts the schedule back to what the configuration says"
terraform apply -auto-approve "${COLOR[@]}"

step 8 "terraform plan after the repair: nothing to change again"
terraform plan -detailed-exitcode "${COLOR[@]}" || die "expected an empty plan (exit code 0), got exit code $?"
echo "plan exit code 0: no changes"

step 9 "terraform destroy: the integration, both jobs and the token are deleted"
terraform destroy -auto-approve "${COLOR[@]}"

printf '\ndemo finished: applied, drift caught and repaired, destroyed.\n'
