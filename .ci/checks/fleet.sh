#!/usr/bin/env bash
# Fleet quota check (issue 14), sized for a 2-core CI machine: 6 worker processes on one API key against the emulator
# (30 requests per 3 s) share the quota through a real redis-server, paced 10 % below the limit (PacingMargin 0.1: 300 ms
# of arrival jitter on a busy machine). Fails unless the shared store gets no 429 while using most of the quota, and
# unless the same run with per-process throttling does get 429s (so the check can fail).
# The full 16-process runs and their figures: docs/benchmarks.md, "Fleet quota".
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash .ci/redis.sh install >/dev/null
dotnet build benchmarks/PluginApis.FleetScenario -c Release -warnaserror -nodeReuse:false -v quiet
run() { dotnet benchmarks/PluginApis.FleetScenario/bin/Release/net10.0/PluginApis.FleetScenario.dll "$@"; }
run fleet --workers 6 --limit 30 --window 3 --seconds 15 --margin 0.1 --max-429 0 --min-used 0.85
run fleet --workers 6 --limit 30 --window 3 --seconds 15 --no-redis --min-429 1
