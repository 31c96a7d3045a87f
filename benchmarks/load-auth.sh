#!/usr/bin/env bash
# The cost of authentication and a policy check under load: the gateway host in Development (its own token issuer),
# the SCENARIO medium query anonymous, the same with a bearer token, and a medium query that also reads
# `author { company }` (policy "staff") with an editor's token, next to the same query anonymous (company denied).
# wrk on 127.0.0.1 only; everything started here is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
GATEWAY="http://127.0.0.1:5000/graphql"
MEDIUM='{ posts(limit: 20) { id title author { id name } comments { id text author { name } } } }'
POLICY='{ posts(limit: 20) { id title author { id name company } comments { id text author { name } } } }'

WORK="$(mktemp -d "${TMPDIR:-/tmp}/graphbff-load-auth.XXXXXX")"
HOST_PID=""
cleanup() {
    [[ -n "$HOST_PID" ]] && kill -TERM "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null 2>&1 || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
for port in 4001 4002 5000; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "127.0.0.1:$port is in use" >&2; exit 1; fi
done

dotnet build -c Release "$ROOT/src/GraphBff.Host" >/dev/null
HOST_DIR="$ROOT/src/GraphBff.Host/bin/Release/net10.0"
(cd "$ROOT/src/GraphBff.Host" && ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning exec dotnet "$HOST_DIR/GraphBff.Host.dll" >"$WORK/host.log" 2>&1) &
HOST_PID=$!
for _ in $(seq 1 150); do
    curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$GATEWAY" && break
    sleep 0.2
done

EDITOR=$(cd "$ROOT/src/GraphBff.Host" && ASPNETCORE_ENVIRONMENT=Development dotnet "$HOST_DIR/GraphBff.Host.dll" token --sub 9 --role editor --minutes 30)

run() { # name, query, token
    local name=$1 query=$2 token=$3 body
    body=$(printf '{"query":"%s"}' "$query")
    cat >"$WORK/$name.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
$( [[ -n "$token" ]] && echo "wrk.headers[\"Authorization\"] = \"Bearer $token\"" )
done = function(summary, latency, requests)
  io.write(string.format("RESULT %s %.1f %.3f %.3f %d %d\n", "$name", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
    local check
    if [[ -n "$token" ]]; then
        check=$(curl -s -H 'content-type: application/json' -H "authorization: Bearer $token" -d "$body" "$GATEWAY")
    else
        check=$(curl -s -H 'content-type: application/json' -d "$body" "$GATEWAY")
    fi
    echo ">> $name: $(printf '%s' "$check" | head -c 160)…" >&2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$WORK/$name.lua" "$GATEWAY" >/dev/null
    timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/$name.lua" "$GATEWAY" | grep '^RESULT' >>"$WORK/results"
}

# Warm the host (JIT tiers, connection pools) before anything is measured.
run warm-up "$MEDIUM" "$EDITOR"
sed -i '/RESULT warm-up/d' "$WORK/results"
run medium-anonymous "$MEDIUM" ""
run medium-token "$MEDIUM" "$EDITOR"
run policy-anonymous "$POLICY" ""
run policy-editor "$POLICY" "$EDITOR"
run medium-anonymous-again "$MEDIUM" ""

printf '\nwrk -t%s -c%s -d%s on 127.0.0.1 (gateway and upstreams share the machine)\n' "$THREADS" "$CONNECTIONS" "$DURATION"
printf '%-20s %12s %10s %10s %10s %8s\n' target requests/s p50_ms p99_ms requests errors
awk '{ printf "%-20s %12s %10s %10s %10s %8s\n", $2, $3, $4, $5, $6, $7 }' "$WORK/results"
