#!/usr/bin/env bash
# Runs a command inside a private D-Bus session that has a real Secret Service (gnome-keyring), its login
# keyring created and unlocked with a throwaway password, in a throwaway HOME: the tests of the system
# keychain never touch the user's own keyring or session bus. Ends the two daemons it started, by PID.
set -euo pipefail

for tool in dbus-daemon dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
        echo "with-secret-service: $tool is missing (packages dbus, gnome-keyring)" >&2
        exit 1
    fi
done

dir=$(mktemp -d)
bus_pid=
keyring_pid=
cleanup() {
    [[ -n $keyring_pid ]] && kill "$keyring_pid" 2>/dev/null && wait "$keyring_pid" 2>/dev/null
    [[ -n $bus_pid ]] && kill "$bus_pid" 2>/dev/null && wait "$bus_pid" 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT

export HOME=$dir/home XDG_DATA_HOME=$dir/home/.local/share XDG_CONFIG_HOME=$dir/home/.config
export XDG_CACHE_HOME=$dir/home/.cache XDG_RUNTIME_DIR=$dir/run
mkdir -p -m 700 "$HOME" "$XDG_RUNTIME_DIR"
export DBUS_SESSION_BUS_ADDRESS=unix:path=$dir/run/bus
dbus-daemon --session --nofork --nopidfile --address="$DBUS_SESSION_BUS_ADDRESS" 2>"$dir/bus.log" &
bus_pid=$!
for _ in $(seq 100); do
    [[ -S $dir/run/bus ]] && break
    sleep 0.05
done

printf '%s' "keyring-password-of-the-test" >"$dir/password"
gnome-keyring-daemon --foreground --unlock --components=secrets <"$dir/password" >"$dir/keyring.log" 2>&1 &
keyring_pid=$!
for _ in $(seq 200); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
        break
    fi
    sleep 0.05
done
if ! kill -0 "$keyring_pid" 2>/dev/null; then
    echo "with-secret-service: gnome-keyring-daemon did not start:" >&2
    cat "$dir/keyring.log" >&2
    exit 1
fi

status=0
"$@" || status=$?
exit "$status"
