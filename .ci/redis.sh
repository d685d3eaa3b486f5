#!/usr/bin/env bash
# Debian's redis-server for the tests, the fleet check and the benchmarks.
#   bash .ci/redis.sh install          install it when missing (apt-get; CI starts from a clean machine)
#   bash .ci/redis.sh start DIR PORT   run one on 127.0.0.1:PORT, no persistence, pid and log in DIR; waits until it answers
#   bash .ci/redis.sh stop DIR         stop the one started in DIR
# The test projects start their own servers on free ports (tests/PluginApis.Quota.Redis.Tests/Support/RedisServer.cs).
set -euo pipefail
cmd=${1:-install}
case "$cmd" in
  install)
    if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq redis-server >/dev/null
    fi
    redis-server --version
    ;;
  start)
    dir=${2:?directory}; port=${3:?port}
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir "$dir" \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    for _ in $(seq 1 100); do
      redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && exit 0
      sleep 0.1
    done
    echo "redis-server on port $port did not answer"; cat "$dir/redis.log"; exit 1
    ;;
  stop)
    dir=${2:?directory}
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    rm -f "$dir/redis.pid"
    ;;
  *) echo "usage: $0 install | start DIR PORT | stop DIR"; exit 2 ;;
esac
