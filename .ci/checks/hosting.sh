#!/usr/bin/env bash
# The generic-host sample: DI registration bound from configuration, validated at start-up, against the embedded emulator.
set -euo pipefail
dotnet run --project samples/PluginApis.Hosting --no-build
