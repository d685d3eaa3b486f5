#!/usr/bin/env bash
# Trim safety: publish the Tour self-contained with PublishTrimmed=true and every trim warning as an error,
# then run the trimmed binary against its embedded emulator. (The Native AOT runtime pack is not served here;
# a trimmed self-contained build is the proof that runs.)
set -euo pipefail
out=.ci/out/tour-trimmed
rm -rf "$out"
dotnet publish samples/PluginApis.Tour -c Release -r linux-x64 --self-contained \
  -p:PublishTrimmed=true -p:TrimmerSingleWarn=false -p:TreatWarningsAsErrors=true -p:ILLinkTreatWarningsAsErrors=true \
  -nodeReuse:false -o "$out"
"$out/PluginApis.Tour" > .ci/out/tour-trimmed.log 2>&1 || { tail -n 60 .ci/out/tour-trimmed.log; exit 1; }
tail -n 5 .ci/out/tour-trimmed.log
