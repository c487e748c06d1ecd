#!/usr/bin/env bash
# Process start -> handshake line, the way Terraform launches a provider (cookie, PLUGIN_PROTOCOL_VERSIONS and an
# AutoMTLS client certificate in the environment). Median of N runs.
#
#   bench/startup.sh                 build the host test server twice (JIT and NativeAOT) and measure both
#   bench/startup.sh PATH [LABEL]    measure one provider executable
#   N=25 bench/startup.sh ...        number of runs (default 15)
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

# One launch: prints the milliseconds from fork to the handshake line on stdout, then stops the process.
measure_once() {
  local exe=$1 start end line pid
  start=$EPOCHREALTIME
  exec {fd}< <(exec env TF_PLUGIN_MAGIC_COOKIE=$COOKIE PLUGIN_PROTOCOL_VERSIONS=5,6 PLUGIN_CLIENT_CERT="$CLIENT_CERT" \
    TF_LOG= TF_LOG_PROVIDER= "$exe" 2>/dev/null)
  pid=$!
  IFS= read -r line <&"$fd"
  end=$EPOCHREALTIME
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  exec {fd}<&-
  [[ $line == 1\|6\|unix\|* ]] || { echo "unexpected handshake line: $line" >&2; return 1; }
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }'
}

measure() {
  local exe=$1 label=${2:-$1} times=() i
  measure_once "$exe" >/dev/null   # warm the page cache
  for ((i = 0; i < N; i++)); do times+=("$(measure_once "$exe")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$N" '
    { t[NR] = $1 }
    END { m = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2;
          printf "%-8s median %6.1f ms   min %6.1f   max %6.1f   (n=%d)\n", label, m, t[1], t[n], n }'
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
