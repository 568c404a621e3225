#!/usr/bin/env bash
# Prepares a Debian 12 machine to build, test and run the hub: installs the Debian packages it
# lacks and checks that Swift is there. Idempotent; starts nothing (the hub starts its own private
# PostgreSQL under ./.hub when HUB_DATABASE_URL is not set).
set -euo pipefail

# Build and run: the C libraries the hub links and the PostgreSQL server the embedded cluster runs.
BUILD_PACKAGES=(libpq-dev libcurl4-openssl-dev postgresql postgresql-contrib pkg-config)
# Tools the tests use; later work adds to this list.
TEST_PACKAGES=(chromium python3-venv openssl)

PACKAGES=("${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}")

missing=()
for package in "${PACKAGES[@]}"; do
    # dpkg -s also succeeds for removed-but-not-purged packages; require the installed state.
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -eq 0 ]]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "setup.sh: missing ${missing[*]}; run as root or install sudo" >&2
        exit 1
    fi
    # Installing postgresql would start Debian's own cluster on port 5432. This script starts
    # nothing, so services are held back by a policy-rc.d for the time of the install, unless the
    # machine already has one (then its policy stands).
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\n# Temporary, from the hub deploy/setup.sh: start no service while installing.\nexit 101\n' |
            "${as_root[@]}" tee /usr/sbin/policy-rc.d >/dev/null
        "${as_root[@]}" chmod 755 /usr/sbin/policy-rc.d
        trap '"${as_root[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "setup.sh: 'swift' is not on PATH. Swift is not packaged by Debian: install Swift 6 for" >&2
    echo "Linux as described at https://www.swift.org/install/linux/ and put its usr/bin on PATH." >&2
    exit 1
fi

if ((${#missing[@]} > 0)); then
    echo "setup.sh: installed ${missing[*]}; swift found."
else
    echo "setup.sh: nothing to install; swift found."
fi
