#!/usr/bin/env bash
# health-check.sh [--json] — is this host healthy? The database answers, there is free disk, the last backup
# of each configured component is recent enough and the service is up. Exit 0 healthy, 1 unhealthy, 2 usage.
# The checks live in backup-system.sh (`health`), which sits beside this script and shares its configuration
# (environment, then BACKUP_CONFIG / /etc/drconsole/backup.env / ./backup.env); see `backup-system.sh help health`.
set -uo pipefail
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd) || exit 2
case ${1:-} in
-h | --help | help)
    cat <<'USAGE'
usage: health-check.sh [--json]
  Checks: database:postgres (psql SELECT 1, when PGDATABASE is set), database:sqlite (PRAGMA quick_check),
  disk (free space where BACKUP_DIR lives, at least HEALTH_MIN_FREE_PERCENT=10), backup:<component> (the last
  backup is at most HEALTH_MAX_BACKUP_AGE_HOURS=26 old; config and docker-volumes HEALTH_MAX_CONFIG_AGE_HOURS=192),
  service (HEALTH_CHECK_COMMAND exits 0). A check that is not configured is skipped and says so.
  Exit code 0 healthy, 1 unhealthy, 2 bad usage. --json prints {"healthy":..,"checks":[{"name","status","detail"}]}.
USAGE
    exit 0
    ;;
esac
if [[ ! -f $here/backup-system.sh ]]; then
    echo "health-check.sh: backup-system.sh is missing beside it in $here" >&2
    exit 2
fi
exec bash "$here/backup-system.sh" health "$@"
