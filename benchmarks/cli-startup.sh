#!/usr/bin/env bash
# Start-up time and size of the pluginapis tool: the JIT dotnet tool next to the Native AOT binary.
# Run .ci/checks/cli.sh first (it installs the tool into .ci/out/cli/tool and publishes .ci/out/cli/native), then:
#   bash benchmarks/cli-startup.sh            (needs hyperfine: apt-get install -y hyperfine)
# Prints, for `--version` and `inspect <zip>` (start-up plus real work, no network): the median wall time of 40 runs and
# the mean CPU time (user + system). The load average is printed too: on a shared machine wall times scatter widely.
set -euo pipefail
out=.ci/out/cli
jit="$out/tool/pluginapis"
native="$out/native/pluginapis"
[ -x "$jit" ] && [ -x "$native" ] || { echo "run .ci/checks/cli.sh first"; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install -y hyperfine)"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bench-plugin"
printf '<?php\n/*\n * Plugin Name: Bench\n * Version: 1.0.0\n */\n' >"$work/bench-plugin/bench-plugin.php"
(cd "$work" && zip -qr bench.zip bench-plugin)
median() { # hyperfine JSON → median wall time and mean CPU time (user + system, less sensitive to a loaded machine)
  local wall user sys
  wall=$(grep -o '"median": *[0-9.e-]*' "$1" | head -n1 | sed 's/.*: *//')
  user=$(grep -o '"user": *[0-9.e-]*' "$1" | head -n1 | sed 's/.*: *//')
  sys=$(grep -o '"system": *[0-9.e-]*' "$1" | head -n1 | sed 's/.*: *//')
  awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN {printf "median %.1f ms wall, %.1f ms CPU", w * 1000, (u + s) * 1000}'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for name in jit native; do
  exe=${!name}
  hyperfine -N --warmup 3 --runs 40 --export-json "$work/$name-version.json" "$exe --version" >/dev/null
  hyperfine -N --warmup 3 --runs 40 --export-json "$work/$name-inspect.json" "$exe inspect $work/bench.zip" >/dev/null
  echo "$name: --version $(median "$work/$name-version.json"), inspect $(median "$work/$name-inspect.json")"
done
echo "native binary: $(stat -c %s "$native") bytes"
echo "tool package:  $(stat -c %s "$(find "$out/packages" -name 'PluginApis.Cli.*.nupkg' ! -name '*.snupkg' | head -n1)") bytes"
echo "installed tool: $(du -sb "$out/tool/.store" | cut -f1) bytes (plus the shared .NET and ASP.NET Core runtimes: $(du -sb /usr/share/dotnet/shared | cut -f1) bytes)"
