#!/usr/bin/env bash
# `make bench-sets` (also the last step of `make bench`): how a set of blocks scales (issue 8, case 10).
#   1. bench/SetScaling: validate and plan a dbtcloud_service_token with N service_token_permissions blocks, in process
#      through the provider's gRPC service class (msgpack decode, validators, planning); median of RUNS (5) per size.
#      Exits non-zero when 16,000 blocks take 1 s or more to validate.
#   2. `terraform validate` and `terraform plan` of such a token with the NativeAOT provider from bin/ (when built):
#      what a user waits for, Terraform's own work on the blocks included.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "-- 1. validate and plan in process (JIT), service_token_permissions blocks"
dotnet build bench/SetScaling -c Release -nologo -v:q >/dev/null
status=0
dotnet bench/SetScaling/bin/Release/net10.0/SetScaling.dll "$@" || status=$?

if [[ -x bin/terraform-provider-dbtcloud ]]; then
  echo "-- 2. terraform validate / plan, NativeAOT provider from bin/"
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
  printf 'provider_installation {\n  dev_overrides {\n    "registry.terraform.io/dbt-tf/dbtcloud" = "%s"\n  }\n  direct {}\n}\n' "$ROOT/bin" >"$work/cli.tfrc"
  for n in 2000 16000; do
    mkdir -p "$work/$n"
    cat >"$work/$n/main.tf" <<TF
terraform {
  required_providers {
    dbtcloud = { source = "dbt-tf/dbtcloud" }
  }
}
provider "dbtcloud" {
  account_id                  = 1
  token                       = "not-used"
  host_url                    = "http://127.0.0.1:9/api"
  skip_credentials_validation = true
}
resource "dbtcloud_service_token" "many" {
  name = "bench"
TF
    # Literal blocks, as a generated configuration would hold them (range() stops at 1024 values).
    seq 1 "$n" | awk '{ printf "  service_token_permissions {\n    permission_set                  = \"developer\"\n    all_projects                    = false\n    project_id                      = %d\n    writable_environment_categories = [\"development\", \"staging\"]\n  }\n", $1 }' >>"$work/$n/main.tf"
    echo "}" >>"$work/$n/main.tf"
    for cmd in validate "plan -refresh=false"; do
      s=$EPOCHREALTIME
      (cd "$work/$n" && TF_CLI_CONFIG_FILE=$work/cli.tfrc terraform $cmd >"$work/out" 2>&1) || { cat "$work/out" >&2; status=1; }
      printf 'terraform %-20s %6d blocks: %6.0f ms\n' "$cmd" "$n" "$(awk -v s="$s" -v e="$EPOCHREALTIME" 'BEGIN { print (e - s) * 1000 }')"
    done
  done
else
  echo "-- 2. skipped: no bin/terraform-provider-dbtcloud (run make build)"
fi
exit $status
