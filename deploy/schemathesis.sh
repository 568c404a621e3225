#!/usr/bin/env bash
# Runs schemathesis against schemas/openapi.yaml and a real `hub serve` (debug build, its own
# embedded PostgreSQL in a temporary folder, the demo configuration), and fails on any server
# error or any answer the document does not allow. Called by deploy/test.sh after `swift test`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
hub="$root/.build/debug/hub"
[[ -x "$hub" ]] || (cd "$root" && swift build --product hub)

venv="$root/.hub/venv"
if [[ ! -x "$venv/bin/schemathesis" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis==4.32.5"
fi

work="$(mktemp -d /tmp/hub-schemathesis-XXXXXX)"
chmod 755 "$work"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
(cd "$work" && HUB_CONFIG="$root/deploy/hub.yaml" HUB_HTTP_PORT="$port" HUB_LOG_LEVEL=warning exec "$hub" serve) >"$work/hub.log" 2>&1 &
pid=$!
stop() {
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/hub.log" >&2; echo "schemathesis.sh: hub serve exited" >&2; exit 1; }
    sleep 0.5
done
curl -fs "$base/health/ready" >/dev/null || { cat "$work/hub.log" >&2; echo "schemathesis.sh: hub not ready" >&2; exit 1; }

# One report, so that ids in examples can exist.
curl -fs "$base/api/v1/reports" -H 'Content-Type: application/json' -d '{"municipality": "GM0153",
  "category": "afval.container", "description": "Deksel sluit niet", "location": {"latitude": 52.22, "longitude": 6.89}}' >/dev/null

status=0
"$venv/bin/schemathesis" run "$root/schemas/openapi.yaml" --url "$base" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance \
    --max-examples "${HUB_SCHEMATHESIS_EXAMPLES:-15}" \
    --header "Authorization: Bearer hub_demo_admin" \
    --exclude-path /api/v1/events/stream \
    --no-color >"$work/schemathesis.log" 2>&1 || status=$?
# Its report stays out of the test command's output unless it failed: the last lines of that
# output are swift test's summaries, which CI reads.
if ((status != 0)); then
    cat "$work/schemathesis.log"
    echo "schemathesis.sh: FAILED (exit $status); the hub's log follows" >&2
    tail -50 "$work/hub.log" >&2
fi
cases="$(grep -A1 '^Test cases:' "$work/schemathesis.log" | tail -1 | sed 's/^ *//')"
echo "schemathesis against schemas/openapi.yaml ($(grep -c 'operationId' "$root/schemas/openapi.yaml") operations): ${cases:-no summary}, exit $status"
exit "$status"
