#!/usr/bin/env bash
# `make sweep`: lists the objects the live suite leaves when a run is killed (names starting "tf-acc-") older than
# --older-than in both services; deletes them only with --yes. Never touches an object without the prefix.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=live-env.sh
source "$HERE/live-env.sh"
require_live_env --no-fixtures

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$ROOT/tools/DbtTfProvider.LiveSuite" -c Release -nologo -v:q >/dev/null
exec dotnet "$ROOT/tools/DbtTfProvider.LiveSuite/bin/Release/net10.0/DbtTfProvider.LiveSuite.dll" sweep "$@"
