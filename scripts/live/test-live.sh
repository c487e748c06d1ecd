#!/usr/bin/env bash
# `make test-live`: the acceptance suite against the accounts named by the environment (see live-env.sh).
# Refuses at once without TF_ACC=1 and every value; then the read-only contract report, then the live flow.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=live-env.sh
source "$HERE/live-env.sh"
require_live_env

bash "$HERE/contract-report.sh"
bash "$HERE/live-flow.sh"
