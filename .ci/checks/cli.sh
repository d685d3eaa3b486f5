#!/usr/bin/env bash
# The pluginapis tool as a CI job uses it: pack it, install it from the local folder into a tool path, and run a whole
# release pipeline against an emulator started as a separate process (release → test --wait → report, and a failing
# test → exit 6); then publish the Native AOT binary with zero warnings and run the same pipeline with it.
# Needs clang and zlib1g-dev for Native AOT (installed here from Debian's packages when missing) and zip (in the image).
set -euo pipefail
root=$(pwd)
out="$root/.ci/out/cli"
rm -rf "$out"; mkdir -p "$out/work"
log() { echo "cli.sh: $*"; }
die() { echo "cli.sh: FAILED: $*" >&2; exit 1; }

# --- toolchain for Native AOT --------------------------------------------------------------------------------------
if ! command -v clang >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
  log "installing clang and zlib1g-dev"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null \
    || die "apt-get could not install clang zlib1g-dev"
fi
command -v zip >/dev/null || die "zip is missing (Debian package zip)"

# --- the emulator, as a separate process on a free port ------------------------------------------------------------
# Published to a folder of its own, so the builds below never rewrite the files of the running process.
dotnet publish src/PluginApis.Emulator -c Release -nodeReuse:false -o "$out/emulator" >"$out/emulator-build.log" 2>&1 \
  || { tail -n 30 "$out/emulator-build.log"; die "the emulator did not build"; }
dotnet "$out/emulator/PluginApis.Emulator.dll" --urls http://127.0.0.1:0 >"$out/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q 'listening on http' "$out/emulator.log" && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$out/emulator.log"; die "the emulator exited at start-up"; }
  sleep 0.5
done
base=$(grep -oE 'listening on http://[^ ]+' "$out/emulator.log" | head -n1 | sed 's/^listening on //')
[ -n "$base" ] || { cat "$out/emulator.log"; die "the emulator printed no address"; }
log "emulator on $base (pid $emulator_pid)"

export PLUGINTESTS_API_KEY=pt-demo-0000000000000000000000000001   # the emulator's demo keys (EmulatorKeys)
export WUNDERUPDATES_API_KEY=wu-demo-0000000000000000000000000001
export PLUGINTESTS_BASE_ADDRESS="${base}api/v1/"
export WUNDERUPDATES_BASE_ADDRESS="${base}v1/"

# --- release ZIPs: a clean one, one whose test finds an error, one without a version ----------------------------------
make_zip() { # slug version body
  local dir="$out/work/src-$1-$2"
  mkdir -p "$dir/$1"
  printf '<?php\n/*\n * Plugin Name: %s\n * Version: %s\n */\n%s\n' "$1" "$2" "$3" >"$dir/$1/$1.php"
  (cd "$dir" && zip -qr "$out/work/$1-$2.zip" "$1")
}

# run_pipeline LABEL TOOL: the steps of docs/cli.md, each a separate process, each exit code checked.
run_pipeline() {
  local label=$1 tool=$2 ok="ci-$1-ok" bad="ci-$1-bad" rc
  make_zip "$ok" 1.0.0 "add_option('${ok//-/_}_settings', array());"
  make_zip "$bad" 1.0.0 "trigger_error('Undefined index: ${bad//-/_}', E_USER_WARNING);"
  mkdir -p "$out/work/src-$label-noversion/$label-noversion"
  printf '<?php\n/* Plugin Name: no version */\n' >"$out/work/src-$label-noversion/$label-noversion/$label-noversion.php"
  (cd "$out/work/src-$label-noversion" && zip -qr "$out/work/$label-noversion.zip" "$label-noversion")

  "$tool" inspect "$out/work/$ok-1.0.0.zip" >"$out/$label-inspect.log" || die "$label: inspect of a valid ZIP failed"
  set +e; "$tool" inspect "$out/work/$label-noversion.zip" >"$out/$label-inspect-bad.log" 2>&1; rc=$?; set -e
  [ "$rc" -eq 7 ] || die "$label: inspect of a ZIP without a version exited $rc, expected 7"

  "$tool" release "$out/work/$ok-1.0.0.zip" --create-if-missing --license no-license | tee "$out/$label-release.log" \
    || die "$label: release failed"
  grep -qi "released $ok 1.0.0" "$out/$label-release.log" || die "$label: release did not print slug and version"
  local zip_url="${WUNDERUPDATES_BASE_ADDRESS}public/demo1234/downloads/$ok/$ok-1.0.0.zip"
  "$tool" test demo "$ok" --zip-url "$zip_url" --wait --timeout 2m | tee "$out/$label-test.log" \
    || die "$label: test --wait of a clean release exited non-zero"
  grep -q "passed, no errors" "$out/$label-test.log" || die "$label: the report summary is missing"
  "$tool" reports list demo "$ok" --json >"$out/$label-reports.json" || die "$label: reports list failed"
  grep -q '"status": "passed"' "$out/$label-reports.json" || die "$label: the report is not listed"

  "$tool" release "$out/work/$bad-1.0.0.zip" --create-if-missing --license no-license >/dev/null || die "$label: release of the failing plugin failed"
  set +e
  "$tool" test demo "$bad" --zip-url "${WUNDERUPDATES_BASE_ADDRESS}public/demo1234/downloads/$bad/$bad-1.0.0.zip" --wait --timeout 2m \
    >"$out/$label-test-bad.log" 2>&1
  rc=$?
  set -e
  cat "$out/$label-test-bad.log"
  [ "$rc" -eq 6 ] || die "$label: a test that found errors exited $rc, expected 6"
  grep -q "Undefined index" "$out/$label-test-bad.log" || die "$label: the failing report's error was not printed"
  if grep -rqF "$PLUGINTESTS_API_KEY" "$out"/"$label"-*.log "$out/$label-reports.json" || grep -rqF "$WUNDERUPDATES_API_KEY" "$out"/"$label"-*.log; then
    die "$label: an API key appears in the tool's output"
  fi
  log "$label: pipeline passed (release → test --wait → 0; failing test → 6; invalid ZIP → 7)"
}

# --- 1. the dotnet tool: pack, install from the folder into a tool path ---------------------------------------------
dotnet pack src/PluginApis.Cli -c Release -o "$out/packages" -nodeReuse:false >"$out/pack.log" 2>&1 \
  || { tail -n 40 "$out/pack.log"; die "pack failed"; }
nupkg=$(find "$out/packages" -name 'PluginApis.Cli.*.nupkg' ! -name '*.snupkg' | head -n1)
[ -n "$nupkg" ] || die "no PluginApis.Cli package was built"
version=$(basename "$nupkg" .nupkg); version=${version#PluginApis.Cli.}
# A private package cache: an earlier build with the same version number must not be installed instead of this one.
NUGET_PACKAGES="$out/nuget-cache" dotnet tool install --tool-path "$out/tool" --add-source "$out/packages" PluginApis.Cli --version "$version" \
  || die "dotnet tool install of PluginApis.Cli $version failed"
log "installed PluginApis.Cli $version into $out/tool"
run_pipeline tool "$out/tool/pluginapis"

# --- 2. the Native AOT binary: zero trim/AOT warnings, then the same pipeline -----------------------------------------
dotnet publish src/PluginApis.Cli -c Release -r linux-x64 -p:PublishAot=true -p:TrimmerSingleWarn=false -warnaserror \
  -nodeReuse:false -o "$out/native" >"$out/publish-aot.log" 2>&1 \
  || { grep -E 'warning|error' "$out/publish-aot.log" | sort -u | head -n 40; die "Native AOT publish failed"; }
if grep -qE ': warning [A-Z]+[0-9]+' "$out/publish-aot.log"; then
  grep -E ': warning [A-Z]+[0-9]+' "$out/publish-aot.log" | sort -u | head -n 40
  die "Native AOT publish produced warnings"
fi
[ -x "$out/native/pluginapis" ] || die "no native binary"
if ldd "$out/native/pluginapis" | grep -qi 'libcoreclr\|libhostfxr'; then die "the native binary loads the .NET runtime"; fi
log "native binary: $(stat -c %s "$out/native/pluginapis") bytes, 0 warnings"
run_pipeline native "$out/native/pluginapis"
# The embedded emulator is compiled into the native binary too.
"$out/native/pluginapis" plugins list --emulator --json | grep -q '"slug": "demo-pro"' || die "native: --emulator does not work"

kill "$emulator_pid" 2>/dev/null || true
wait "$emulator_pid" 2>/dev/null || true
trap - EXIT
log "OK"
