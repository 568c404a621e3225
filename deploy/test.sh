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
mkdir -p .hub
set +e
swift test "$@" 2>&1 | tee .hub/swift-test.log
test_status=${PIPESTATUS[0]}
set -e
((test_status == 0)) || status=$test_status

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
if ((test_status != 0)); then
    # CI shows only the end of the output, and the failures scroll away under the servers' logs:
    # say them again, then the summaries, so that these stay the last lines.
    echo "deploy/test.sh: swift test failed (exit $test_status); the issues it recorded:" >&2
    grep -E '^✘ |\.swift:[0-9]+(:[0-9]+)?: error: |Fatal error|^error: ' .hub/swift-test.log \
        | grep -v 'Test run with' | head -80 >&2 || true
    grep -E 'Executed [0-9]+ tests?|Test run with' .hub/swift-test.log | tail -3 || true
fi
exit "$status"
