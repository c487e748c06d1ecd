#!/usr/bin/env bash
# `make bench`: start-up and scale figures of the NativeAOT provider (bin/, what `make build` ships), each printed as
# a ratio against its baseline measured in the same run, so that the load of a shared machine cancels out as far as
# it can. Every launch of the provider goes through bench/launchstat.c (wall, CPU and peak RSS, fork to exit).
#   1. start -> handshake line (bench/startup.sh)                        target <= 30 ms median
#   2. a launch that only serves GetProviderSchema (terraform providers schema), start to exit
#                                                                        target <= 60 ms median
#   3. no-change plan of examples/quickstart against the emulator, over a plan of one terraform_data
#                                                                        target <= 4.0x
#      then the same plan with both providers already running (TF_REATTACH_PROVIDERS), Terraform's own client
#      certificates, and what 4.0x leaves each launch once those are taken out
#   4. 200 service tokens + 200 artifacts jobs, 20 ms injected API latency: (no-op plan - plan of 400 terraform_data)
#      over the API bound (calls x 20 ms / 10, Terraform's parallelism), and the same for apply   target <= 1.3x;
#      peak RSS of any provider launch <= 60 MB; API calls per object (one read per job, token + grants per token)
#   5. the emulator's latency injection: 20 requests at once take about as long as one
# N=5 SCALE_N=2 by default (OBJECTS=200, LATENCY_MS=20); STEPS="1 2 3" runs only those sections (default: all five).
# Results go to stdout, bench/README.md records them with the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${N:-5}
SCALE_N=${SCALE_N:-2}
OBJECTS=${OBJECTS:-200}
LATENCY_MS=${LATENCY_MS:-20}
STEPS=${STEPS:-1 2 3 4 5}
step() { [[ " $STEPS " == *" $1 "* ]]; }
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
: >"$work/empty.tfrc"
export TF_CLI_CONFIG_FILE=$work/empty.tfrc  # the machine's may point at a missing file; each run below sets its own
EMU_PID=
cleanup() { [[ -n $EMU_PID ]] && kill -TERM -- "-$EMU_PID" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

median() { sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
ms_since() { awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.0f\n", (e - s) * 1000 }'; }
# Runs a command quietly; prints its wall time in ms; fails with its output when it fails.
timed() {
  local s=$EPOCHREALTIME out
  out=$("$@" 2>&1) || { echo "failed: $*" >&2; echo "$out" | tail -20 >&2; return 1; }
  ms_since "$s"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "met" : "MISSED" }'; }
cli_config() { # $1 = file, $2 = dir for dbt-tf/*
  printf 'provider_installation {\n  dev_overrides {\n    "registry.terraform.io/dbt-tf/dbtcloud" = "%s"\n    "registry.terraform.io/dbt-tf/datafold" = "%s"\n  }\n  direct {}\n}\n' "$2" "$2" >"$1"
}

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); load $(load)"
echo "terraform $(terraform version | head -1 | cut -d' ' -f2), dotnet $(dotnet --version), $(date -u +%FT%TZ)"

# PROVIDER=path measures another build of the provider (e.g. main's, for a before/after).
PROVIDER=${PROVIDER:-bin/terraform-provider-dbtcloud}
[[ -x $PROVIDER ]] || make --no-print-directory build >/dev/null
# Terraform starts bench/wrap/terraform-provider-*, which runs the real binary under launchstat. The persona comes
# from the real binary's file name, so each persona has its own copy.
cc -O2 -o "$work/launchstat" bench/launchstat.c
mkdir -p "$work/real" "$work/wrap"
export LAUNCH_LOG=$work/launches.log
for persona in dbtcloud datafold; do
  cp "$PROVIDER" "$work/real/terraform-provider-$persona"
  printf '#!/bin/sh\nexec "%s" "$LAUNCH_LOG" "%s" "$@"\n' "$work/launchstat" "$work/real/terraform-provider-$persona" >"$work/wrap/terraform-provider-$persona"
  chmod +x "$work/wrap/terraform-provider-$persona"
done
cli_config "$work/cli.tfrc" "$work/wrap"
# Launch figures of the commands since the log was last cleared: "<median wall> <median CPU> <max RSS MiB> <launches>".
launches() {
  printf '%s %s %s %d\n' "$(awk '{ print $1 }' "$LAUNCH_LOG" | median)" "$(awk '{ print $2 + $3 }' "$LAUNCH_LOG" | median)" \
    "$(awk '{ if ($4 > r) r = $4 } END { printf "%.1f", r / 1024 }' "$LAUNCH_LOG")" "$(wc -l <"$LAUNCH_LOG")"
}

# Terraform's own floor for everything below: plans of terraform_data, no provider process at all.
tfdata_dir() { # $1 = dir, $2 = count
  mkdir -p "$1"
  printf 'resource "terraform_data" "x" {\n  count = %s\n  input = count.index\n}\n' "$2" >"$1/main.tf"
  (cd "$1" && terraform apply -auto-approve >/dev/null)
}

if step 1; then
echo "-- 1. provider start -> handshake line (bench/startup.sh), and a Go binary's start to exit (terraform version) for scale"
N=15 bash bench/startup.sh "$work/real/terraform-provider-dbtcloud" AOT
floor=()
for ((i = 0; i < 15; i++)); do floor+=("$(timed terraform version)"); done
floor_ms=$(printf '%s\n' "${floor[@]}" | median)
echo "terraform version, start to exit: median $floor_ms ms"
fi

if step 2; then
echo "-- 2. a launch that only serves GetProviderSchema (terraform providers schema -json), start to exit"
mkdir -p "$work/schema"
printf 'terraform {\n  required_providers {\n    dbtcloud = { source = "dbt-tf/dbtcloud" }\n  }\n}\n' >"$work/schema/main.tf"
(cd "$work/schema" && TF_CLI_CONFIG_FILE=$work/cli.tfrc terraform providers schema -json >/dev/null)
: >"$LAUNCH_LOG"
for ((i = 0; i < N * 3; i++)); do (cd "$work/schema" && TF_CLI_CONFIG_FILE=$work/cli.tfrc terraform providers schema -json >/dev/null); done
read -r wall cpu rss count < <(launches)
echo "schema-only launch: median $wall ms wall, $cpu ms CPU, peak RSS $rss MiB (n=$count); target <= 60 ms: $(verdict "$wall" 60); ${floor_ms:+$(ratio "$wall" "$floor_ms")x terraform version; }load $(load)"
fi

step 3 || step 4 || step 5 || exit 0
dotnet build src/DbtTfProvider.Emulator -c Release -nologo -v:q >/dev/null
set -m
dotnet src/DbtTfProvider.Emulator/bin/Release/net10.0/DbtTfProvider.Emulator.dll --urls http://127.0.0.1:0 --seed "$ROOT/examples/emulator/seed.json" >"$work/emu.out" 2>/dev/null &
EMU_PID=$!
set +m
for _ in $(seq 1 300); do EMU=$(sed -n '1s|^emulator listening on \(http://[^ ]*\).*$|\1|p' "$work/emu.out"); [[ -n $EMU ]] && break; sleep 0.1; done
export DBT_CLOUD_HOST_URL=$EMU/api DBT_CLOUD_TOKEN=dbtc_admin_token DBT_CLOUD_ACCOUNT_ID=1 DATAFOLD_HOST=$EMU DATAFOLD_API_KEY=df_api_key

if step 3; then
echo "-- 3. no-change plan of examples/quickstart (6 launches, 4 refresh reads, 4 look-ups by name) over a plan of one terraform_data"
qs=$work/quickstart; cp -R examples/quickstart "$qs"
# The emulator's seed has no CI environment: the Pull Request job runs in Production, as in the end-to-end tests.
printf 'dbt_cloud_account_id = 1\ndbt_cloud_project_name = "Analytics"\ndbt_cloud_ci_environment_name = "Production"\ndatafold_repository_id = 3\ndatafold_data_source_name = "Snowflake production"\ndbt_cloud_host = "%s"\n' "$EMU" >"$qs/terraform.tfvars"
(cd "$qs" && TF_CLI_CONFIG_FILE=$work/cli.tfrc terraform apply -auto-approve >/dev/null)
tfdata_dir "$work/one" 1
qs_runs=() one_runs=()
: >"$LAUNCH_LOG"
for ((i = 0; i < N; i++)); do  # interleaved, so both see the same load
  qs_runs+=("$(cd "$qs" && TF_CLI_CONFIG_FILE=$work/cli.tfrc timed terraform plan -detailed-exitcode)")
  one_runs+=("$(cd "$work/one" && timed terraform plan -detailed-exitcode)")
done
qs_ms=$(printf '%s\n' "${qs_runs[@]}" | median); one_ms=$(printf '%s\n' "${one_runs[@]}" | median)
read -r wall cpu rss count < <(launches)
echo "quickstart plan: median $qs_ms ms (${qs_runs[*]}); one terraform_data: median $one_ms ms (${one_runs[*]})"
echo "quickstart plan / terraform alone: $(ratio "$qs_ms" "$one_ms")x; target <= 4.0x: $(verdict "$(ratio "$qs_ms" "$one_ms")" 4.0); per launch median $wall ms wall, $cpu ms CPU (n=$count); load $(load)"

# What the launches cost, and what the target leaves for them. (a) The same plan with both providers already running
# (the provider's --debug mode, TF_REATTACH_PROVIDERS): no process start, client certificate, TLS handshake or exit,
# the providers warm from the plans before; what is left is Terraform's own work and the RPCs and API calls. (b)
# Terraform's own time per launch for the client certificate it makes before it starts the process (its log:
# "configuring client automatic mTLS" -> "starting plugin"), which no provider can shorten.
launches_per_plan=$((count / N))
debug_pids=() reattach=""
for persona in dbtcloud datafold; do
  "$work/real/terraform-provider-$persona" --debug >"$work/debug-$persona.out" 2>/dev/null &
  debug_pids+=($!)
done
for persona in dbtcloud datafold; do
  for _ in $(seq 1 100); do grep -q "TF_REATTACH_PROVIDERS=" "$work/debug-$persona.out" && break; sleep 0.05; done
  entry=$(sed -n "s/.*TF_REATTACH_PROVIDERS='{\(.*\)}'.*/\1/p" "$work/debug-$persona.out")
  reattach=${reattach:+$reattach,}$entry
done
free_runs=() free_one=()
(cd "$qs" && TF_REATTACH_PROVIDERS="{$reattach}" terraform plan -detailed-exitcode >/dev/null)
for ((i = 0; i < N; i++)); do
  free_runs+=("$(cd "$qs" && TF_REATTACH_PROVIDERS="{$reattach}" timed terraform plan -detailed-exitcode)")
  free_one+=("$(cd "$work/one" && timed terraform plan -detailed-exitcode)")
done
kill -TERM "${debug_pids[@]}" 2>/dev/null; wait "${debug_pids[@]}" 2>/dev/null || true
free_ms=$(printf '%s\n' "${free_runs[@]}" | median); free_one_ms=$(printf '%s\n' "${free_one[@]}" | median)
cert_sums=() cert_each=()
for ((i = 0; i < 3; i++)); do
  (cd "$qs" && TF_CLI_CONFIG_FILE=$work/cli.tfrc TF_LOG= TF_LOG_CORE= TF_LOG_PROVIDER=debug TF_LOG_PATH="$work/cert.log" terraform plan >/dev/null)
  read -r sum each < <(python3 - "$work/cert.log" <<'PY'
import sys
from datetime import datetime
ms = lambda l: datetime.strptime(l[:23], "%Y-%m-%dT%H:%M:%S.%f").timestamp() * 1000
began, took = None, []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if "provider: configuring client automatic mTLS" in line: began = ms(line)
    elif "provider: starting plugin:" in line and began is not None: took.append(ms(line) - began); began = None
print(f"{sum(took):.0f}", "/".join(f"{t:.0f}" for t in took))
PY
)
  cert_sums+=("$sum"); cert_each+=("$each"); rm -f "$work/cert.log"
done
cert_ms=$(printf '%s\n' "${cert_sums[@]}" | median)
echo "launch-free plan (both providers already running, TF_REATTACH_PROVIDERS): median $free_ms ms (${free_runs[*]}) over one terraform_data $free_one_ms ms: $(ratio "$free_ms" "$free_one_ms")x"
echo "the $launches_per_plan launches: $qs_ms - $free_ms = $(awk -v a="$qs_ms" -v b="$free_ms" 'BEGIN { printf "%.0f", a - b }') ms a plan; Terraform's own client certificates in them: median $cert_ms ms a plan (ms per launch, three plans: ${cert_each[*]})"
left=$(awk -v o="$free_one_ms" -v f="$free_ms" -v c="$cert_ms" -v n="$launches_per_plan" 'BEGIN { printf "%.1f", (4.0 * o - f - c) / n }')
echo "what 4.0x leaves each launch for process start, handshake line, TLS, first calls and exit: (4.0 x $free_one_ms - $free_ms - $cert_ms) / $launches_per_plan = $left ms"
fi

if step 4; then
echo "-- 4. $OBJECTS tokens + $OBJECTS jobs at $LATENCY_MS ms injected API latency, over $((2 * OBJECTS)) terraform_data"
emu_requests() { curl -sf "$EMU/_emulator/state" | python3 -c '
import json, sys
r = json.load(sys.stdin)["requests"]
print(json.dumps(r))'; }
# Calls per "METHOD template" between two snapshots.
calls_between() { python3 -c '
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
d = {k: b[k] - a.get(k, 0) for k in b if b[k] - a.get(k, 0)}
print(sum(d.values()))
for k in sorted(d): print("   ", d[k], k, file=sys.stderr)' "$1" "$2"; }
big=$work/big; mkdir -p "$big"
cat >"$big/main.tf" <<TF
terraform {
  required_providers {
    dbtcloud = { source = "dbt-tf/dbtcloud" }
  }
}
provider "dbtcloud" {
  account_id = 1
}
resource "dbtcloud_service_token" "t" {
  count = $OBJECTS
  name  = "bench token \${count.index}"
  service_token_permissions {
    permission_set = "member"
    all_projects   = true
  }
}
resource "dbtcloud_artifacts_job" "j" {
  count          = $OBJECTS
  project_id     = 10
  environment_id = 100
  name           = "bench job \${count.index}"
  execute_steps  = ["dbt compile"]
  schedule_cron  = "0 * * * *"
}
TF
tfdata_dir "$work/many" $((2 * OBJECTS))
curl -sf -X POST "$EMU/_emulator/faults" -H 'content-type: application/json' -d "{\"kind\": \"latency\", \"latency_ms\": $LATENCY_MS}" >/dev/null
bound() { awk -v c="$1" -v l="$LATENCY_MS" 'BEGIN { printf "%.0f", c * l / 10 }'; }
for ((i = 0; i < SCALE_N; i++)); do
  (cd "$work/many" && terraform destroy -auto-approve >/dev/null)
  base_apply=$(cd "$work/many" && timed terraform apply -auto-approve)
  base_plan=$(cd "$work/many" && timed terraform plan -detailed-exitcode)
  (cd "$big" && TF_CLI_CONFIG_FILE=$work/cli.tfrc terraform destroy -auto-approve >/dev/null)
  : >"$LAUNCH_LOG"
  before=$(emu_requests)
  apply_ms=$(cd "$big" && TF_CLI_CONFIG_FILE=$work/cli.tfrc timed terraform apply -auto-approve)
  after_apply=$(emu_requests)
  plan_ms=$(cd "$big" && TF_CLI_CONFIG_FILE=$work/cli.tfrc timed terraform plan -detailed-exitcode)
  after_plan=$(emu_requests)
  read -r wall cpu rss count < <(launches)
  echo "run $((i + 1)), load $(load): API calls of the apply by endpoint:"
  apply_calls=$(calls_between "$before" "$after_apply")
  echo "  API calls of the no-op plan by endpoint:"
  plan_calls=$(calls_between "$after_apply" "$after_plan")
  plan_ratio=$(awk -v p="$plan_ms" -v b="$base_plan" -v c="$(bound "$plan_calls")" 'BEGIN { printf "%.2f", (p - b) / c }')
  apply_ratio=$(awk -v p="$apply_ms" -v b="$base_apply" -v c="$(bound "$apply_calls")" 'BEGIN { printf "%.2f", (p - b) / c }')
  echo "  no-op plan $plan_ms ms - $base_plan ms (terraform_data) over $plan_calls calls x $LATENCY_MS ms / 10 = $(bound "$plan_calls") ms: ${plan_ratio}x; target <= 1.3x: $(verdict "$plan_ratio" 1.3)"
  echo "  apply $apply_ms ms - $base_apply ms (terraform_data) over $apply_calls calls x $LATENCY_MS ms / 10 = $(bound "$apply_calls") ms: ${apply_ratio}x; target <= 1.3x: $(verdict "$apply_ratio" 1.3)"
  echo "  API calls per object in the plan: $(awk -v c="$plan_calls" -v n="$OBJECTS" 'BEGIN { printf "%.2f", c / n }') per token + job (budget: 3, token + grants + job, plus provider configuration)"
  echo "  peak RSS of any launch $rss MiB (target <= 60 MiB: $(verdict "$rss" 60)); $count launches"
done
curl -sf -X DELETE "$EMU/_emulator/faults" >/dev/null
fi

step 5 || exit 0
echo "-- 5. the emulator under latency: 20 requests at once against 1 (200 ms injected latency)"
curl -sf -X POST "$EMU/_emulator/faults" -H 'content-type: application/json' -d '{"kind": "latency", "latency_ms": 200}' >/dev/null
one_req=$(timed curl -sf -H 'Authorization: Token dbtc_admin_token' "$EMU/api/v2/accounts/1/")
s=$EPOCHREALTIME
pids=()
for ((i = 0; i < 20; i++)); do curl -sf -o /dev/null -H 'Authorization: Token dbtc_admin_token' "$EMU/api/v2/accounts/1/" & pids+=($!); done
wait "${pids[@]}"
twenty=$(ms_since "$s")
curl -sf -X DELETE "$EMU/_emulator/faults" >/dev/null
echo "one request $one_req ms, 20 at once $twenty ms: $(ratio "$twenty" "$one_req")x (serialized would be about 20x)"
