#!/usr/bin/env bash
# Runs a command inside a private D-Bus session that has a real Secret Service (gnome-keyring), its login
# keyring created and unlocked with a throwaway password, in a throwaway HOME: the tests of the system
# keychain never touch the user's own keyring or session bus. Ends the two daemons it started, by PID; they and
# the test also get TERM from the kernel should this script be killed outright (setpriv --pdeathsig).
set -euo pipefail

for tool in dbus-daemon dbus-send gnome-keyring-daemon setpriv; do
    if ! command -v "$tool" >/dev/null; then
        echo "with-secret-service: $tool is missing (packages dbus-daemon, dbus-bin, gnome-keyring, util-linux)" >&2
        exit 1
    fi
done

dir=$(mktemp -d)
bus_pid=
keyring_pid=
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    local status=$?
    set +e
    [[ -n $keyring_pid ]] && kill "$keyring_pid" 2>/dev/null && wait "$keyring_pid" 2>/dev/null
    [[ -n $bus_pid ]] && kill "$bus_pid" 2>/dev/null && wait "$bus_pid" 2>/dev/null
    rm -rf "$dir"
    exit "$status"
}
daemon_logs() {
    cat "$dir/bus.log" "$dir/keyring.log" >&2 2>/dev/null
}
fail() {
    echo "with-secret-service: $1" >&2
    daemon_logs
    exit 1
}
trap cleanup EXIT

export HOME=$dir/home XDG_DATA_HOME=$dir/home/.local/share XDG_CONFIG_HOME=$dir/home/.config
export XDG_CACHE_HOME=$dir/home/.cache XDG_RUNTIME_DIR=$dir/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$HOME" "$XDG_RUNTIME_DIR"
export DBUS_SESSION_BUS_ADDRESS=unix:path=$dir/run/bus
setpriv --pdeathsig TERM dbus-daemon --session --nofork --nopidfile --address="$DBUS_SESSION_BUS_ADDRESS" \
    >/dev/null 2>"$dir/bus.log" &
bus_pid=$!
for _ in $(seq 400); do
    [[ -S $dir/run/bus ]] && break
    sleep 0.05
done
[[ -S $dir/run/bus ]] || fail "dbus-daemon did not open $dir/run/bus within 20 s"

printf '%s' "keyring-password-of-the-test" >"$dir/password"
setpriv --pdeathsig TERM gnome-keyring-daemon --foreground --unlock --components=secrets <"$dir/password" \
    >"$dir/keyring.log" 2>&1 &
keyring_pid=$!
has_secret_service() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"
}
for _ in $(seq 400); do
    has_secret_service && break
    kill -0 "$keyring_pid" 2>/dev/null || fail "gnome-keyring-daemon ended before it offered the Secret Service"
    sleep 0.05
done
has_secret_service || fail "gnome-keyring-daemon did not offer the Secret Service within 20 s"
rm -f "$dir/password" # read at start; nothing of it stays behind should this script be killed outright

# The test runs in the background so that a TERM or INT sent to this script reaches it too.
setpriv --pdeathsig TERM "$@" &
test_pid=$!
trap 'kill -TERM "$test_pid" 2>/dev/null' INT TERM
status=0
wait "$test_pid" || status=$?
while kill -0 "$test_pid" 2>/dev/null; do # a signal interrupted the wait; the trap has passed it on
    status=0
    wait "$test_pid" || status=$?
done
if ((status != 0)); then
    echo "with-secret-service: the test exited with $status; the daemons said:" >&2
    daemon_logs
fi
exit "$status"
