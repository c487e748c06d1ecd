#!/usr/bin/env bash
# Process start -> handshake line, the way Terraform launches a provider (cookie, PLUGIN_PROTOCOL_VERSIONS and an
# AutoMTLS client certificate in the environment). Median of N runs.
#
#   bench/startup.sh                 build the host test server twice (JIT and NativeAOT) and measure both
#   bench/startup.sh PATH [LABEL]    measure one provider executable
#   N=25 bench/startup.sh ...        number of runs (default 15)
#
# The wall-clock numbers assume a quiet machine. On a busy one, measure an already built executable under real-time
# priority (root): `chrt -f 50 bench/startup.sh PATH`, or compare the CPU column, which load inflates far less.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-15}
COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A client certificate like Terraform's: ECDSA P-521, CA, SAN localhost.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-521 -nodes -sha512 -days 2 \
  -subj "/O=HashiCorp/CN=localhost" -addext "subjectAltName=DNS:localhost" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "extendedKeyUsage=clientAuth,serverAuth" \
  -keyout "$work/client.key" -out "$work/client.pem" 2>/dev/null
CLIENT_CERT=$(cat "$work/client.pem")

# One launch: prints "WALL_MS CPU_MS" from fork to the handshake line, then stops the process. CPU is the time all
# the process's threads had run by then (/proc/PID/task/*/schedstat), which a busy machine inflates far less.
measure_once() {
  local exe=$1 start end line pid cpu
  start=$EPOCHREALTIME
  exec {fd}< <(exec env TF_PLUGIN_MAGIC_COOKIE=$COOKIE PLUGIN_PROTOCOL_VERSIONS=5,6 PLUGIN_CLIENT_CERT="$CLIENT_CERT" \
    TF_LOG= TF_LOG_PROVIDER= "$exe" 2>/dev/null)
  pid=$!
  IFS= read -r line <&"$fd"
  end=$EPOCHREALTIME
  # A thread may end between the glob and the read (the certificate's does): count the ones still there.
  cpu=$({ cat /proc/"$pid"/task/*/schedstat 2>/dev/null || true; } | awk '{ ns += $1 } END { printf "%.1f", ns / 1e6 }')
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  exec {fd}<&-
  [[ $line == 1\|6\|unix\|* ]] || { echo "unexpected handshake line: $line" >&2; return 1; }
  awk -v s="$start" -v e="$end" -v c="$cpu" 'BEGIN { printf "%.1f %s\n", (e - s) * 1000, c }'
}

median() { sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }

measure() {
  local exe=$1 label=${2:-$1} runs=() i
  measure_once "$exe" >/dev/null   # warm the page cache
  for ((i = 0; i < N; i++)); do runs+=("$(measure_once "$exe")"); done
  local wall cpu range
  wall=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | median)
  cpu=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | median)
  range=$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | sort -n | sed -n '1p;$p' | paste -sd' ')
  printf "%-8s start->handshake median %6.1f ms (min/max %s)   CPU used by then median %6.1f ms   n=%d   load %s\n" \
    "$label" "$wall" "$range" "$cpu" "$N" "$(cut -d' ' -f1 /proc/loadavg)"
}

if [[ $# -ge 1 ]]; then
  measure "$1" "${2:-$(basename "$1")}"
  exit 0
fi

project=tests/DbtTfProvider.HostTestServer/DbtTfProvider.HostTestServer.csproj
jit=$work/jit aot=$work/aot
dotnet publish $project -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$jit" -nologo -v:q >/dev/null
dotnet publish $project -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o "$aot" -nologo -v:q >/dev/null
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
measure "$jit/DbtTfProvider.HostTestServer" JIT
measure "$aot/DbtTfProvider.HostTestServer" AOT
