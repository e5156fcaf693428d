#!/usr/bin/env bash
# Socket.IO server benchmark: JMH codec benchmarks, then the load run against netty-socketio.
# Usage: bench/socketio-bench/run.sh [jmh|load|footprint|all] [args]
#   load args: clients roomSize ratePerClient warmupSeconds measureSeconds transport(websocket|default) rounds
#   footprint args: connections
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
what=${1:-all}
[ $# -gt 0 ] && shift
. "$root/.mvn/select-jdk.sh"
(cd "$root" && ./mvnw -q -B -pl bench/socketio-bench -am install -DskipTests)
[ -d "$here/node/node_modules" ] || (cd "$here/node" && npm ci --no-audit --no-fund)
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
cd "$here"
if [ "$what" = jmh ] || [ "$what" = all ]; then
  "$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main -rf text -rff "$here/target/jmh.txt" CodecBenchmark
fi
if [ "$what" = footprint ]; then
  "$JAVA_HOME/bin/java" -Xmx512m -cp "$cp" dev.dingus.bench.socketio.Footprint "$@"
fi
if [ "$what" = load ] || [ "$what" = all ]; then
  "$JAVA_HOME/bin/java" -cp "$cp" dev.dingus.bench.socketio.LoadRun "$@"
fi
