#!/usr/bin/env bash
# Builds the benchmarks in Release and runs every benchmark and scenario once with tiny sizes (--dry), so they never rot.
# No timing assertions: the numbers of a dry run mean nothing. Runs from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build benchmarks/PluginApis.Benchmarks -c Release -warnaserror -nodeReuse:false
dotnet run -c Release --no-build --project benchmarks/PluginApis.Benchmarks -- --dry
