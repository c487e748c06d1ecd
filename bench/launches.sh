#!/usr/bin/env bash
# Where one launch's milliseconds go: runs a terraform command with the provider's trace log (TF_LOG_PROVIDER=trace,
# nothing from Terraform's core) and prints one row per provider launch, from Terraform starting the process to
# Terraform seeing it exit. Terraform's own log lines give the process start and exit (millisecond stamps); the
# provider's trace lines give the rest, measured inside the process from the start of PluginServer.Run:
#   kestrel   Run -> Kestrel listening            cert      Run -> server certificate ready
#   line      Run -> handshake line written        tls       the AutoMTLS handshake itself
#   first     Run -> first RPC received            rpcs      the RPCs' own time (count x, sum), Shutdown excluded
#   exit      last RPC answered -> Terraform sees the process exit (Shutdown, runtime exit, reaping)
#   pre-Run   Terraform's "starting plugin" -> Run, i.e. exec, the runtime's start-up and Main before the host
#             (total - what the process accounts for; millisecond resolution)
#   tf cert   before the launch: Terraform making its AutoMTLS client certificate ("configuring client automatic mTLS"
#             -> "starting plugin"), Terraform's own time that no provider can shorten
#
#   bench/launches.sh DIR [terraform args...]     e.g. bench/launches.sh /tmp/quickstart plan -detailed-exitcode
# DIR must be initialised and the provider reachable (TF_CLI_CONFIG_FILE with dev_overrides, as bench/run.sh sets).
# Wrap it in `chrt -f 50` (root) on a busy machine so that the figures measure the provider, not the scheduler.
set -euo pipefail
dir=$1; shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT
(cd "$dir" && TF_LOG= TF_LOG_CORE= TF_LOG_PROVIDER=trace TF_LOG_PATH="$log" terraform "${@:-plan}" >/dev/null) || true
python3 - "$log" <<'PY'
import re, sys
from datetime import datetime

def ms(text):
    return datetime.strptime(text[:23], "%Y-%m-%dT%H:%M:%S.%f").timestamp() * 1000

def field(line, name):
    m = re.search(r"\b" + name + r"=([0-9.]+)", line)
    return float(m.group(1)) if m else None

launches, running, certifying = [], {}, None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if len(line) < 24 or line[4] != "-":
        continue
    if "provider: configuring client automatic mTLS" in line:
        certifying = ms(line)
        continue
    m = re.search(r"provider: starting plugin: path=\S*terraform-provider-(\w+)", line)
    if m:
        running[m.group(1)] = {"persona": m.group(1), "start": ms(line), "rpcs": [],
                               "tfcert": ms(line) - certifying if certifying is not None else None}
        certifying = None
        launches.append(running[m.group(1)])
        continue
    m = re.search(r"provider: plugin process exited: plugin=\S*terraform-provider-(\w+)", line)
    if m and m.group(1) in running:
        running.pop(m.group(1))["exit"] = ms(line)
        continue
    m = re.search(r"provider\.terraform-provider-(\w+): (.*)", line)
    if not m or m.group(1) not in running:
        continue
    launch, text = running[m.group(1)], m.group(2)
    if text.startswith("plugin server listening"):
        launch.update(kestrel=field(line, "start_ms"), cert=field(line, "certificate_ms"), line=field(line, "handshake_ms"))
        # The process's own stamp of the line (the same wall clock as Terraform's), minus Run -> line: when Run began.
        written = re.search(r"timestamp=(\S+)", line)
        if written and launch["line"] is not None:
            launch["run"] = ms(written.group(1)) - launch["line"]
    elif text.startswith("TLS connection accepted"):
        launch["tls"] = field(line, "handshake_ms")
    else:
        r = re.match(r"(\w+) answered in ([0-9.]+) ms, received ([0-9.]+) ms after start", text)
        if r:
            launch["rpcs"].append((r.group(1), float(r.group(3)), float(r.group(2))))

def fmt(v, digits=1):
    return "-" if v is None else f"{v:.{digits}f}"

seen = {}
print("| launch | tf cert | total | pre-Run | kestrel | cert | line | tls | first RPC | RPCs: n, own time | last answer -> exit | RPCs |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for l in launches:
    seen[l["persona"]] = seen.get(l["persona"], 0) + 1
    served = [r for r in l["rpcs"] if r[0] != "Shutdown"]
    total = l["exit"] - l["start"] if "exit" in l else None
    run = l.get("run")
    last_answer = max((r[1] + r[2] for r in served), default=None)
    pre = run - l["start"] if run is not None else None
    tail = l["exit"] - (run + last_answer) if run is not None and last_answer is not None and "exit" in l else None
    names = ", ".join(dict.fromkeys(r[0] for r in served))
    print(f"| {l['persona']} #{seen[l['persona']]} | {fmt(l.get('tfcert'), 0)} | {fmt(total, 0)} | {fmt(pre, 0)} | {fmt(l.get('kestrel'))} | {fmt(l.get('cert'))} | "
          f"{fmt(l.get('line'))} | {fmt(l.get('tls'))} | {fmt(served[0][1] if served else None)} | "
          f"{len(served)}, {sum(r[2] for r in served):.1f} | {fmt(tail, 0)} | {names} |")
PY
