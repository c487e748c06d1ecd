#!/usr/bin/env bash
# `make contract-report`: read-only. Calls every GET route the provider's clients declare (dbt Cloud and the assumed
# Datafold CI-config routes) and prints, route by route, the status and which expected fields came back.
# Usable alone; `make test-live` runs it before it creates anything.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=live-env.sh
source "$HERE/live-env.sh"
require_live_env

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$ROOT/tools/DbtTfProvider.LiveSuite" -c Release -nologo -v:q >/dev/null
exec dotnet "$ROOT/tools/DbtTfProvider.LiveSuite/bin/Release/net10.0/DbtTfProvider.LiveSuite.dll" contract-report "$@"
