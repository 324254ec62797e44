#!/usr/bin/env bash
# Installs everything DR Console needs to build, run its demo and run its tests on Debian 12.
# Idempotent: does nothing when every package is already there.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config file dpkg-dev
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins libqt6svg6
    libssh-dev libarchive-dev libssl-dev libisal-dev
    # run: the host tool and the demo
    sqlite3 gzip tar openssl util-linux coreutils findutils rsync curl
    qt6-translations-l10n
    # tests: real servers and tools on loopback
    openssh-server openssh-client postgresql redis-tools shellcheck isal passwd
    dbus-daemon dbus-bin gnome-keyring libsecret-1-0 libsecret-tools
    xvfb xauth imagemagick poppler-utils
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=()
if ((EUID != 0)); then sudo=(sudo); fi
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
