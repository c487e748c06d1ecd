#!/usr/bin/env bash
# `make bench`: start-up and plan benchmarks, JIT against NativeAOT, median of N runs each.
#   1. process start -> handshake line of the real provider executable (bench/startup.sh)
#   2. a no-change `terraform plan` of one testfs_item (the test-only provider, same host and framework)
#   3. a no-change `terraform plan` of examples/quickstart (3 resources, both providers) against the emulator
# Results go to stdout; bench/README.md records them with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${N:-9}
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
: >"$work/empty.tfrc"
export TF_CLI_CONFIG_FILE=$work/empty.tfrc  # the machine's may point at a missing file; each run below sets its own
EMU_PID=
cleanup() { [[ -n $EMU_PID ]] && kill -TERM -- "-$EMU_PID" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

median() { sort -n | awk '{ t[NR] = $1 } END { printf "%.0f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
time_ms() { local s=$EPOCHREALTIME; "$@" >/dev/null 2>&1; local rc=$?; awk -v s="$s" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.0f\n", (e - s) * 1000 }'; return $rc; }
# N timed runs of a command that must exit 0 (a no-change plan with -detailed-exitcode).
bench_cmd() {
  local label=$1; shift
  "$@" >/dev/null 2>&1 || { echo "$label: warm-up failed: $*" >&2; "$@" >&2 || true; return 1; }
  local runs=() i
  for ((i = 0; i < N; i++)); do runs+=("$(time_ms "$@")"); done
  printf '%-44s median %5s ms   (min %s, max %s, n=%d)\n' "$label" "$(printf '%s\n' "${runs[@]}" | median)" \
    "$(printf '%s\n' "${runs[@]}" | sort -n | head -1)" "$(printf '%s\n' "${runs[@]}" | sort -n | tail -1)" "$N"
}
cli_config() { # $1 = file, $2 = dir for dbt-tf/*
  printf 'provider_installation {\n  dev_overrides {\n    "registry.terraform.io/dbt-tf/dbtcloud" = "%s"\n    "registry.terraform.io/dbt-tf/datafold" = "%s"\n    "registry.terraform.io/dbt-tf/testfs" = "%s"\n  }\n  direct {}\n}\n' "$2" "$2" "$2" >"$1"
}

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "terraform $(terraform version | head -1 | cut -d' ' -f2), dotnet $(dotnet --version)"

echo "-- building (JIT and NativeAOT)"
[[ -x bin/terraform-provider-dbtcloud ]] || make --no-print-directory build >/dev/null
mkdir -p "$work/aot" "$work/jit" "$work/testfs-aot" "$work/testfs-jit"
cp bin/terraform-provider-dbtcloud bin/terraform-provider-datafold "$work/aot/"
dotnet publish src/DbtTfProvider -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$work/jit" -nologo -v:q >/dev/null
# A copy, not a symlink: the persona comes from the file name, and a JIT apphost reports its resolved path.
cp "$work/jit/terraform-provider-dbtcloud" "$work/jit/terraform-provider-datafold"
dotnet publish tests/DbtTfProvider.TestProvider -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$work/testfs-jit" -nologo -v:q >/dev/null
dotnet publish tests/DbtTfProvider.TestProvider -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o "$work/testfs-aot" -nologo -v:q >/dev/null

echo "-- 1. provider start -> handshake line (bench/startup.sh)"
N=15 bash bench/startup.sh "$work/jit/terraform-provider-dbtcloud" JIT
N=15 bash bench/startup.sh "$work/aot/terraform-provider-dbtcloud" AOT

echo "-- 2. no-change terraform plan, one testfs_item"
for kind in jit aot; do
  dir=$work/testfs-plan-$kind; mkdir -p "$dir/data"
  cli_config "$dir/cli.tfrc" "$work/testfs-$kind"
  cat >"$dir/main.tf" <<TF
terraform {
  required_providers {
    testfs = { source = "dbt-tf/testfs" }
  }
}
provider "testfs" {
  root = "$dir/data"
}
resource "testfs_item" "a" {
  name = "bench"
}
TF
  (cd "$dir" && TF_CLI_CONFIG_FILE=$dir/cli.tfrc terraform apply -auto-approve >/dev/null 2>&1)
  (cd "$dir" && TF_CLI_CONFIG_FILE=$dir/cli.tfrc bench_cmd "plan, testfs_item, ${kind^^}" terraform plan -detailed-exitcode)
done
mkdir -p "$work/no-provider" && echo 'output "x" { value = 1 }' >"$work/no-provider/main.tf"
(cd "$work/no-provider" && terraform apply -auto-approve >/dev/null 2>&1 && bench_cmd "plan, no provider at all (terraform itself)" terraform plan -detailed-exitcode)

echo "-- 3. no-change terraform plan, examples/quickstart (3 resources, both providers) against the emulator"
dotnet build src/DbtTfProvider.Emulator -c Release -nologo -v:q >/dev/null
set -m
dotnet src/DbtTfProvider.Emulator/bin/Release/net10.0/DbtTfProvider.Emulator.dll --urls http://127.0.0.1:0 --seed "$ROOT/examples/emulator/seed.json" >"$work/emu.out" 2>/dev/null &
EMU_PID=$!
set +m
for _ in $(seq 1 300); do EMU=$(sed -n '1s|^emulator listening on \(http://[^ ]*\).*$|\1|p' "$work/emu.out"); [[ -n $EMU ]] && break; sleep 0.1; done
export DBT_CLOUD_HOST_URL=$EMU/api DBT_CLOUD_TOKEN=dbtc_admin_token DBT_CLOUD_ACCOUNT_ID=1 DATAFOLD_HOST=$EMU DATAFOLD_API_KEY=df_api_key
for kind in jit aot; do
  dir=$work/quickstart-$kind; cp -R examples/quickstart "$dir"
  cli_config "$dir/cli.tfrc" "$work/$kind"
  printf 'dbt_cloud_account_id = 1\ndbt_cloud_project_id = 10\ndbt_cloud_environment_id = 100\ndatafold_repository_id = 3\ndatafold_data_source_id = 7\ndbt_cloud_host_url = "%s"\n' "$EMU" >"$dir/terraform.tfvars"
  sed -i "s/\"dbt Cloud CI\"/\"dbt Cloud CI $kind\"/" "$dir/main.tf"
  (cd "$dir" && TF_CLI_CONFIG_FILE=$dir/cli.tfrc terraform apply -auto-approve >/dev/null 2>&1) || { echo "quickstart apply ($kind) failed" >&2; exit 1; }
  (cd "$dir" && TF_CLI_CONFIG_FILE=$dir/cli.tfrc bench_cmd "plan, quickstart, ${kind^^}" terraform plan -detailed-exitcode)
done
