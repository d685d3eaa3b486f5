#!/usr/bin/env bash
# The ASP.NET Core sample samples/PluginApis.Dashboard against its embedded emulator: starts it on a free port, requests
# the dashboard as JSON and as HTML, checks both hold the seeded plugins and their latest reports, stops it with SIGTERM
# as a service manager would, then checks the console exporter printed spans of the ActivitySource "PluginApis" and the Meter's
# pluginapis.requests, and that no API key appears in anything it printed or served.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.ci/out/dashboard
rm -rf "$out"; mkdir -p "$out"
log="$out/console.log"

setsid dotnet run --project samples/PluginApis.Dashboard --no-build -- --urls http://127.0.0.1:0 > "$log" 2>&1 < /dev/null &
pid=$!
stop() { kill -TERM -- "-$pid" 2>/dev/null || true; }
# Running and not yet reaped (kill -0 also succeeds for a zombie).
alive() { [ -r "/proc/$1/stat" ] && [ "$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
trap stop EXIT

url=""
for _ in $(seq 1 180); do
  url=$(sed -nE 's|^Dashboard listening on (http://127\.0\.0\.1:[0-9]+).*|\1|p' "$log")
  [ -n "$url" ] && break
  alive "$pid" || { cat "$log"; echo "the dashboard exited before listening"; exit 1; }
  sleep 1
done
[ -n "$url" ] || { cat "$log"; echo "the dashboard did not start"; exit 1; }
echo "dashboard at $url"

# GET over bash's /dev/tcp (no curl needed): prints the body, fails unless the status is 200.
http_get() {
  local port=${url##*:} response
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3
  response=$(cat <&3); exec 3<&-
  head -n 1 <<<"$response" | grep -q ' 200 ' || { echo "GET $1: $(head -n 1 <<<"$response")" >&2; return 1; }
  sed '1,/^\r\{0,1\}$/d' <<<"$response"
}
http_get /dashboard > "$out/dashboard.json"
http_get / > "$out/dashboard.html"

for expected in '"source":"embedded emulator"' '"slug":"demo-private-plugin"' '"slug":"akismet"' '"status":"passed"' \
                '"pluginVersion":"5.3.1"' '"slug":"woocommerce"' '"status":"failed"' '"slug":"demo-pro"' '"stableRelease":"1.1.0"'; do
  grep -qF "$expected" "$out/dashboard.json" || { cat "$out/dashboard.json"; echo; echo "the JSON lacks $expected"; exit 1; }
done
for expected in 'Akismet Anti-spam' 'Demo Private Plugin' 'WooCommerce' '<td>demo-pro</td>' '<td>1.1.0</td>'; do
  grep -qF "$expected" "$out/dashboard.html" || { cat "$out/dashboard.html"; echo "the HTML lacks $expected"; exit 1; }
done
echo "dashboard JSON and HTML hold the seeded plugins and their latest reports"

stop; trap - EXIT; stopped_at=$SECONDS
for _ in $(seq 1 120); do alive "$pid" || break; sleep 1; done
if alive "$pid"; then kill -KILL -- "-$pid"; echo "the dashboard did not stop within 120 s of SIGTERM"; exit 1; fi
wait "$pid" 2>/dev/null || true
echo "stopped $((SECONDS - stopped_at)) s after SIGTERM"

grep -qE 'Activity.DisplayName: +PluginTests\.ListUserPlugins' "$log" || { tail -n 80 "$log"; echo "no PluginTests span on the console"; exit 1; }
grep -qE 'Activity.DisplayName: +WunderUpdates\.ListPlugins' "$log" || { tail -n 80 "$log"; echo "no WunderUpdates span on the console"; exit 1; }
grep -qE '^ +Name: PluginApis$|ActivitySource.Name: +PluginApis' "$log" || { tail -n 80 "$log"; echo "no span of the ActivitySource PluginApis"; exit 1; }
grep -qF 'pluginapis.requests' "$log" || { tail -n 80 "$log"; echo "the metric pluginapis.requests was not exported"; exit 1; }
echo "console: PluginApis spans and the pluginapis.requests metric"

keys=$(grep -oE '"(pt|wu)-[a-z]+-[0-9]+"' src/PluginApis.Emulator/EmulatorKeys.cs | tr -d '"')
[ -n "$keys" ] || { echo "no emulator key found to look for"; exit 1; }
for key in $keys; do
  ! grep -qF "$key" "$log" "$out/dashboard.json" "$out/dashboard.html" || { echo "an API key appears in the dashboard's output"; exit 1; }
done
echo "no API key in the console, the JSON or the HTML"
