#!/usr/bin/env bash
# Installs whatever RaidCommand needs that this Debian 12 machine lacks, then restores NuGet packages.
# Idempotent: a machine that has everything only pays for the checks and the (cached) restore.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Debian packages the project needs: chromium (with CJK fonts) runs the browser tests of the web UI.
APT_PACKAGES=(postgresql chromium fonts-noto-cjk)
# Node.js and npm build the web UI and run the official JS SignalR client in the live-view tests; install them only
# when the machine has no node/npm at all (a machine with a newer Node from elsewhere keeps it).
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "bootstrap: '$*' needs root; run as root or install sudo." >&2
        exit 1
    fi
}

install_missing_apt_packages() {
    local missing=() package
    for package in "${APT_PACKAGES[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return
    fi

    echo "bootstrap: installing ${missing[*]}"
    # RaidCommand runs its own PostgreSQL cluster; keep the package's scripts from starting Debian's cluster.
    local policy=/usr/sbin/policy-rc.d added_policy=false
    if [ ! -e "$policy" ]; then
        as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
        added_policy=true
    fi
    local status=0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || status=$?
    if [ "$status" -eq 0 ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" || status=$?
    fi
    if [ "$added_policy" = true ]; then
        as_root rm -f "$policy"
    fi
    return "$status"
}

require_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        echo "bootstrap: the .NET SDK is not installed (dotnet is not on PATH); install the SDK version named in global.json." >&2
        exit 1
    fi
}

# shellcheck source=ops/lib/npm.sh
source "$repo_root/ops/lib/npm.sh"

# Builds the web UI into src/RaidCommand.Web/dist, which the server serves (the Vite build itself takes seconds).
build_web_ui() {
    local web="$repo_root/src/RaidCommand.Web"
    install_npm_packages "$web"
    (cd "$web" && npm run build --silent >/dev/null)
}

install_missing_apt_packages
require_dotnet
build_web_ui
dotnet restore "$repo_root/RaidCommand.sln" --nologo -v q
install_npm_packages "$repo_root/tests/RaidCommand.Server.Tests/Live/node"
