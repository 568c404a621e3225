#!/usr/bin/env bash
# The whole test suite, on a fresh Debian 12 machine too: installs what is missing, then runs
# `swift test`, then schemathesis against schemas/openapi.yaml and a running hub. Tests that need PostgreSQL start their own private server (see
# Tests/HubTestSupport); they fail, never skip, when none can be had.
set -euo pipefail
cd "$(dirname "$0")/.."

./deploy/setup.sh

status=0
# The API against its own document, on a running hub (no server errors, no undocumented answers),
# first, so that swift test's summaries are the last lines of the output.
swift build --product hub
rm -f .hub/schemathesis-failed.log
schemathesis=0
./deploy/schemathesis.sh || schemathesis=$?
status=$schemathesis
swift test "$@" || status=$?

# A test process that crashed cannot stop its server at exit: stop what it left behind.
for data in /tmp/hub-tests-*/postgres/data /tmp/hub-restart-*/postgres/data; do
    [[ -f "$data/postmaster.pid" ]] || continue
    pid=$(head -n 1 "$data/postmaster.pid")
    kill -QUIT "$pid" 2>/dev/null || true
done
if ((schemathesis != 0)); then
    # Repeated here so that the end of the output, which CI shows, says why the run failed.
    echo "deploy/test.sh: schemathesis failed (exit $schemathesis); its findings:" >&2
    grep -v '^ *$' .hub/schemathesis-failed.log 2>/dev/null | head -120 >&2 || true
fi
exit "$status"
