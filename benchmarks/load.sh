#!/usr/bin/env bash
# Load test of the gateway host with wrk, against two references on the same demo upstreams:
#   gateway-small/medium/large   POST http://127.0.0.1:5000/graphql with the three SCENARIO queries
#   content-direct               GET  http://127.0.0.1:4002/posts?limit=20 (one upstream call, no gateway)
#   handwritten-medium           GET  http://127.0.0.1:5100/medium (benchmarks/HandWrittenClient: the medium
#                                query's ideal upstream calls written by hand, no GraphQL machinery)
# Builds both apps in Release, starts them, checks their answers, runs a short warm-up and then one bounded wrk run
# per target, and prints requests/s, p50 and p99 plus the ratio gateway-medium / handwritten-medium.
# Everything it started is stopped on exit. All traffic stays on 127.0.0.1.
#
# Settings (environment): DURATION (10s), WARMUP (3s), THREADS (2), CONNECTIONS (32), NO_BUILD=1 to skip the builds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"

GATEWAY="http://127.0.0.1:5000/graphql"
CONTENT="http://127.0.0.1:4002"
HANDWRITTEN="http://127.0.0.1:5100"

SMALL='{ user(id: \"1\") { id name } }'
MEDIUM='{ posts(limit: 20) { id title author { id name } comments { id text author { name } } } }'
LARGE='{ posts(limit: 100) { id title body createdAt author { id name role posts { id title } } comments { id text author { id name } } } }'

WORK="$(mktemp -d "${TMPDIR:-/tmp}/graphbff-load.XXXXXX")"
PIDS=()

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ $status -ne 0 ]]; then
        for log in "$WORK"/*.log; do
            [[ -f "$log" ]] || continue
            echo "---- last lines of $(basename "$log")" >&2
            tail -n 20 "$log" >&2
        done
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() { printf '>> %s\n' "$*" >&2; }
fail() { printf 'load.sh: %s\n' "$*" >&2; exit 1; }

# ---- tools ---------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
    say "installing wrk"
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
command -v wrk >/dev/null 2>&1 || fail "wrk is not installed and could not be installed"
command -v curl >/dev/null 2>&1 || fail "curl is needed"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 4001 4002 5000 5100; do
    if port_busy "$port"; then
        fail "127.0.0.1:$port is already in use; stop whatever listens there first"
    fi
done

# ---- build and start -----------------------------------------------------------------------------------------
HOST_PROJECT="$ROOT/src/GraphBff.Host/GraphBff.Host.csproj"
CLIENT_PROJECT="$ROOT/benchmarks/HandWrittenClient/HandWrittenClient.csproj"
if [[ "${NO_BUILD:-}" != "1" ]]; then
    say "building the gateway host and the hand-written client (Release)"
    dotnet build -c Release -nologo -v quiet "$HOST_PROJECT" >"$WORK/build-host.log" 2>&1 || { cat "$WORK/build-host.log" >&2; fail "build of GraphBff.Host failed"; }
    dotnet build -c Release -nologo -v quiet "$CLIENT_PROJECT" >"$WORK/build-client.log" 2>&1 || { cat "$WORK/build-client.log" >&2; fail "build of HandWrittenClient failed"; }
fi
HOST_DLL="$(dotnet msbuild "$HOST_PROJECT" -nologo -getProperty:TargetPath -p:Configuration=Release)"
CLIENT_DLL="$(dotnet msbuild "$CLIENT_PROJECT" -nologo -getProperty:TargetPath -p:Configuration=Release)"
[[ -f "$HOST_DLL" && -f "$CLIENT_DLL" ]] || fail "build output missing ($HOST_DLL, $CLIENT_DLL)"

# What `dotnet run -c Release --project src/GraphBff.Host` does, minus the dotnet-run parent process (so the pid we
# stop is the server itself): the project folder as working directory, demo upstreams on 4001/4002, gateway on 5000.
say "starting the gateway host (demo upstreams in-process)"
(cd "$ROOT/src/GraphBff.Host" && exec dotnet "$HOST_DLL") >"$WORK/gateway.log" 2>&1 &
PIDS+=("$!")
say "starting the hand-written client on $HANDWRITTEN"
(cd "$ROOT/benchmarks/HandWrittenClient" && exec dotnet "$CLIENT_DLL" --urls "$HANDWRITTEN") >"$WORK/handwritten.log" 2>&1 &
PIDS+=("$!")

post() { curl -s --max-time 10 -o "$2" -w '%{http_code}' -H 'Content-Type: application/json' -H 'Accept: application/json' --data "{\"query\":\"$1\"}" "$GATEWAY"; }

wait_until() { # name, seconds, command...
    local name=$1 seconds=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        for pid in "${PIDS[@]}"; do
            kill -0 "$pid" 2>/dev/null || fail "a process exited before $name answered"
        done
        ((SECONDS < deadline)) || fail "$name did not answer within ${seconds}s"
        sleep 0.5
    done
}
gateway_ready() { [[ "$(post "$SMALL" "$WORK/ready.json")" == 200 ]] && grep -q '"data"' "$WORK/ready.json"; }
handwritten_ready() { curl -sf --max-time 10 -o /dev/null "$HANDWRITTEN/medium"; }
wait_until "the gateway" 120 gateway_ready
wait_until "the hand-written client" 60 handwritten_ready

# ---- check the answers ---------------------------------------------------------------------------------------
for name in small medium large; do
    case $name in small) q=$SMALL ;; medium) q=$MEDIUM ;; large) q=$LARGE ;; esac
    code="$(post "$q" "$WORK/gateway-$name.json")"
    [[ "$code" == 200 ]] || fail "gateway $name answered $code: $(head -c 300 "$WORK/gateway-$name.json")"
    if grep -q '"errors"' "$WORK/gateway-$name.json"; then
        fail "gateway $name answered with errors: $(head -c 300 "$WORK/gateway-$name.json")"
    fi
done
code="$(curl -s --max-time 10 -o "$WORK/content.json" -w '%{http_code}' "$CONTENT/posts?limit=20")"
[[ "$code" == 200 ]] || fail "content answered $code"
code="$(curl -s --max-time 10 -o "$WORK/handwritten-medium.json" -w '%{http_code}' "$HANDWRITTEN/medium")"
[[ "$code" == 200 ]] || fail "the hand-written client answered $code"
if cmp -s "$WORK/gateway-medium.json" "$WORK/handwritten-medium.json"; then
    SAME="identical bytes"
elif command -v jq >/dev/null 2>&1 && [[ "$(jq -cS . "$WORK/gateway-medium.json")" == "$(jq -cS . "$WORK/handwritten-medium.json")" ]]; then
    SAME="same JSON"
else
    fail "the gateway's and the hand-written client's medium answers differ"
fi
say "answers checked; gateway medium and hand-written medium: $SAME ($(wc -c <"$WORK/gateway-medium.json") bytes)"

# ---- wrk -----------------------------------------------------------------------------------------------------
# One lua file per target: the request, and a done() that prints one machine-readable line.
write_lua() { # file, method, body
    {
        printf 'wrk.method = "%s"\n' "$2"
        printf 'wrk.headers["Accept"] = "application/json"\n'
        if [[ -n "$3" ]]; then
            printf 'wrk.headers["Content-Type"] = "application/json"\n'
            printf 'wrk.body = [==[{"query":"%s"}]==]\n' "$3"
        fi
        cat <<'LUA'
done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    e.connect + e.read + e.write + e.timeout + e.status))
end
LUA
    } >"$1"
}

TARGETS=(gateway-small gateway-medium gateway-large content-direct handwritten-medium)
declare -A URL LUA RPS P50 P99 COUNT ERRORS
URL[gateway-small]=$GATEWAY;      write_lua "$WORK/gateway-small.lua" POST "$SMALL";   LUA[gateway-small]="$WORK/gateway-small.lua"
URL[gateway-medium]=$GATEWAY;     write_lua "$WORK/gateway-medium.lua" POST "$MEDIUM"; LUA[gateway-medium]="$WORK/gateway-medium.lua"
URL[gateway-large]=$GATEWAY;      write_lua "$WORK/gateway-large.lua" POST "$LARGE";   LUA[gateway-large]="$WORK/gateway-large.lua"
URL[content-direct]="$CONTENT/posts?limit=20";  write_lua "$WORK/content.lua" GET "";     LUA[content-direct]="$WORK/content.lua"
URL[handwritten-medium]="$HANDWRITTEN/medium";  write_lua "$WORK/handwritten.lua" GET ""; LUA[handwritten-medium]="$WORK/handwritten.lua"

seconds_of() { local d=$1; case $d in *m) echo $((${d%m} * 60)) ;; *s) echo "${d%s}" ;; *) echo "$d" ;; esac; }
LIMIT=$(($(seconds_of "$DURATION") + 30))
WARMUP_LIMIT=$(($(seconds_of "$WARMUP") + 30))

for target in "${TARGETS[@]}"; do
    say "$target: warm-up $WARMUP, then wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ${URL[$target]}"
    timeout "$WARMUP_LIMIT" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "${LUA[$target]}" "${URL[$target]}" >/dev/null
    timeout "$LIMIT" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "${LUA[$target]}" "${URL[$target]}" >"$WORK/wrk-$target.txt"
    sed -n '/^Running/,/^Transfer/p' "$WORK/wrk-$target.txt" | sed 's/^/   /' >&2
    read -r _ "RPS[$target]" "P50[$target]" "P99[$target]" "COUNT[$target]" "ERRORS[$target]" < <(grep '^RESULT ' "$WORK/wrk-$target.txt")
done

# ---- summary -------------------------------------------------------------------------------------------------
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on 127.0.0.1 ($(nproc) cores; wrk, gateway and upstreams share them)"
printf '%-20s %12s %10s %10s %10s %8s\n' target "requests/s" "p50 ms" "p99 ms" requests errors
for target in "${TARGETS[@]}"; do
    printf '%-20s %12s %10s %10s %10s %8s\n' "$target" "${RPS[$target]}" "${P50[$target]}" "${P99[$target]}" "${COUNT[$target]}" "${ERRORS[$target]}"
done
echo
awk -v g="${RPS[gateway-medium]}" -v h="${RPS[handwritten-medium]}" -v gp="${P50[gateway-medium]}" -v hp="${P50[handwritten-medium]}" \
    -v gq="${P99[gateway-medium]}" -v hq="${P99[handwritten-medium]}" 'BEGIN {
    printf "gateway-medium / handwritten-medium: throughput %.2f, p50 latency %.2f, p99 latency %.2f\n", g / h, gp / hp, gq / hq
}'
for target in "${TARGETS[@]}"; do
    if [[ "${ERRORS[$target]}" != 0 ]]; then
        fail "$target had ${ERRORS[$target]} errors (socket errors or non-2xx answers)"
    fi
done
