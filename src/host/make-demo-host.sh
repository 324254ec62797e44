#!/usr/bin/env bash
# make-demo-host.sh DIR [DAYS] [--force] — builds a demo host in DIR by running the real backup-system.sh
# over a simulated history (BACKUP_NOW): DAYS (default 90) of daily full backups of postgres, sqlite,
# app-data (encrypted, key in DIR/keys) and config, incremental app-data every 6 h for the last week, hourly
# critical (sqlite) backups for the last 2 days, a few days without backups, one failed backup, one damaged
# file that fails verification, verify passes and one SQLite restore.
# There is no PostgreSQL server in the demo: PG_DUMP points at DIR/bin/demo-pg-dump, which prints a
# realistic pg_dump plain-format dump; DIR/bin/demo-psql stands in for psql. Afterwards the console runs the
# tool in DIR with DIR/backup.env (BACKUP_DIR=backups).
set -uo pipefail

usage() {
    cat <<'EOF'
usage: make-demo-host.sh DIR [DAYS] [--force]
  DIR      folder to build the demo host in (must be empty or absent; --force rebuilds a demo host there)
  DAYS     days of history, 3..400 (default 90)
Prints "demo: day N/M" while it works.
EOF
}
fail() {
    printf 'make-demo-host.sh: %s\n' "$*" >&2
    exit 2
}

dir="" days=90 force=""
count=0
for arg; do
    case $arg in
    --force) force=1 ;;
    -h | --help)
        usage
        exit 0
        ;;
    -*) fail "unknown option \"$arg\"" ;;
    *)
        count=$((count + 1))
        case $count in
        1) dir=$arg ;;
        2) days=$arg ;;
        *) fail "too many arguments" ;;
        esac
        ;;
    esac
done
[[ -n $dir ]] || {
    usage >&2
    exit 2
}
if ! [[ $days =~ ^[0-9]+$ ]] || ((days < 3 || days > 400)); then
    fail "DAYS must be a number from 3 to 400, not \"$days\""
fi

tool_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd) || fail "cannot find the host tool"
tool="$tool_dir/backup-system.sh"
[[ -x $tool ]] || fail "$tool is not executable"
for program in sqlite3 tar gzip openssl sha256sum flock; do
    command -v "$program" >/dev/null || fail "$program is not installed"
done

# What the demo creates: the only things --force removes.
demo_entries=(backups data logs uploads config keys bin backup.env .drconsole-demo)
if [[ -e $dir ]]; then
    [[ -d $dir ]] || fail "$dir exists and is not a folder"
    if [[ -n $(ls -A -- "$dir") ]]; then
        [[ -n $force ]] || fail "$dir exists and is not empty; use --force to rebuild a demo host there"
        for entry in "${demo_entries[@]}"; do rm -rf -- "${dir:?}/$entry"; done
        [[ -z $(ls -A -- "$dir") ]] || fail "$dir holds files that are not the demo's; not touching them"
    fi
fi
mkdir -p -- "$dir" || fail "cannot create $dir"
cd -- "$dir" || fail "cannot enter $dir"
mkdir -p data logs uploads config keys bin
: >.drconsole-demo

started=$EPOCHREALTIME

# ---------------------------------------------------------------------------------------------------------
# The host's files

openssl rand -base64 32 >keys/backup.key
chmod 600 keys/backup.key

cat >bin/demo-pg-dump <<'EOF'
#!/bin/bash
# Demo stand-in for pg_dump: prints a pg_dump plain-format dump of the bot's database, rows growing day by
# day (from BACKUP_NOW). DEMO_PG_DUMP_FAIL=1 makes it fail as pg_dump does when the server is down.
case ${1:-} in --version) echo "pg_dump (PostgreSQL) 15.8"; exit 0 ;; esac
if [[ -n ${DEMO_PG_DUMP_FAIL:-} ]]; then
    echo 'pg_dump: error: connection to server at "127.0.0.1", port 5432 failed: Connection refused' >&2
    echo '        Is the server running on that host and accepting TCP/IP connections?' >&2
    exit 1
fi
now=${BACKUP_NOW:-$EPOCHSECONDS}
origin=${DEMO_ORIGIN:-$((now - 86400 * 90))}
rows=$((150 + (now - origin) / 7200))
# Built-ins only (printf, no cat): the demo history runs this a hundred times.
IFS= read -r -d '' head <<'HEAD'
--
-- PostgreSQL database dump
--

-- Dumped from database version 15.8 (Debian 15.8-0+deb12u1)
-- Dumped by pg_dump version 15.8 (Debian 15.8-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

ALTER TABLE IF EXISTS ONLY public.reminders DROP CONSTRAINT IF EXISTS reminders_pkey;
DROP TABLE IF EXISTS public.reminders;
DROP TABLE IF EXISTS public.guilds;
SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: guilds; Type: TABLE; Schema: public; Owner: bot_user
--

CREATE TABLE public.guilds (
    id bigint NOT NULL,
    name text NOT NULL,
    timezone text DEFAULT 'UTC'::text NOT NULL
);


ALTER TABLE public.guilds OWNER TO bot_user;

--
-- Name: reminders; Type: TABLE; Schema: public; Owner: bot_user
--

CREATE TABLE public.reminders (
    id integer NOT NULL,
    guild_id bigint NOT NULL,
    channel_id bigint NOT NULL,
    message text NOT NULL,
    remind_at timestamp with time zone NOT NULL
);


ALTER TABLE public.reminders OWNER TO bot_user;

--
-- Data for Name: guilds; Type: TABLE DATA; Schema: public; Owner: bot_user
--

COPY public.guilds (id, name, timezone) FROM stdin;
810000000000000001	Reminder Squad	Europe/Berlin
810000000000000002	Night Owls	America/New_York
810000000000000003	Study Group	UTC
\.


--
-- Data for Name: reminders; Type: TABLE DATA; Schema: public; Owner: bot_user
--

COPY public.reminders (id, guild_id, channel_id, message, remind_at) FROM stdin;
HEAD
printf '%s' "$head"
messages=("stand-up in 10 minutes" "water the plants" "deploy window opens" "weekly report due" "raid at 21:00")
for ((i = 1; i <= rows; i++)); do
    printf '%d\t81000000000000000%d\t92%016d\t%s\t%(%Y-%m-%d %H:%M:%S)T+00\n' \
        "$i" $((i % 3 + 1)) $((i % 17)) "${messages[i % 5]}" $((origin + i * 3600))
done
IFS= read -r -d '' tail <<'TAIL'
\.


--
-- Name: reminders reminders_pkey; Type: CONSTRAINT; Schema: public; Owner: bot_user
--

ALTER TABLE ONLY public.reminders
    ADD CONSTRAINT reminders_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

TAIL
printf '%s' "$tail"
EOF
cat >bin/demo-psql <<'EOF'
#!/usr/bin/env bash
# Demo stand-in for psql (there is no PostgreSQL server in the demo): answers SELECT 1, accepts a restore.
for arg; do [[ $arg == "SELECT 1" ]] && { echo 1; exit 0; }; done
[[ ${1:-} == --version ]] && { echo "psql (PostgreSQL) 15.8"; exit 0; }
cat >/dev/null
EOF
chmod 755 bin/demo-pg-dump bin/demo-psql

cat >config/docker-compose.yml <<'EOF'
services:
  discord-reminder-bot:
    image: discord-reminder-bot:latest
    env_file: .env
    volumes: ["./data:/app/data", "./logs:/app/logs", "./uploads:/app/uploads"]
    depends_on: [postgres, redis]
  postgres:
    image: postgres:15
    environment: { POSTGRES_DB: discord_bot, POSTGRES_USER: bot_user }
  redis:
    image: redis:7
EOF
printf 'DISCORD_TOKEN=demo-token-not-real\nDATABASE_URL=postgres://bot_user@postgres/discord_bot\n' >config/bot.env
printf '{ "prefix": "!", "defaultTimezone": "UTC", "maxRemindersPerUser": 50 }\n' >config/bot.json

cat >backup.env <<'EOF'
# Demo host configuration (read by backup-system.sh in this folder)
BACKUP_DIR=backups
BACKUP_RETENTION_DAYS=120
BACKUP_COMPRESSION=true
BACKUP_ENCRYPTION=true
BACKUP_ENCRYPTION_COMPONENTS=app-data
BACKUP_ENCRYPTION_KEY_FILE=keys/backup.key
PGDATABASE=discord_bot
PG_DUMP=./bin/demo-pg-dump
PSQL=./bin/demo-psql
SQLITE_DB=data/discord_bot.db
APP_DATA_PATHS=data logs uploads
CONFIG_PATHS=config
SERVICE_STOP_COMMAND=true
SERVICE_START_COMMAND=true
HEALTH_CHECK_COMMAND=test -f data/discord_bot.db
BACKUP_NOTIFY_FAILURE=false
EOF

sqlite3 data/discord_bot.db <<'EOF' || fail "cannot create data/discord_bot.db"
PRAGMA journal_mode = WAL;
CREATE TABLE reminders (id INTEGER PRIMARY KEY, guild_id INTEGER NOT NULL, channel_id INTEGER NOT NULL,
                        message TEXT NOT NULL, remind_at TEXT NOT NULL);
CREATE TABLE guilds (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO guilds VALUES (1, 'Reminder Squad'), (2, 'Night Owls'), (3, 'Study Group');
EOF

# ---------------------------------------------------------------------------------------------------------
# The history, in three lanes that run at once (process start-up dominates the time on small machines):
#   databases: SQLite rows growing, sqlite full + hourly critical backups, the damaged file, a restore;
#   server:    postgres (the failed backup) and config full backups;
#   files:     logs and uploads growing, app-data full (encrypted) + incrementals.
# Both append to the catalog (one write per line); it is put in time order at the end.

end=$EPOCHSECONDS
end=$((end - end % 3600))
first_day=$((end - end % 86400 - (days - 1) * 86400))
# The demo's backup.env rules: settings of the caller's environment would override it.
while read -r variable; do
    case $variable in
    BACKUP_* | PG* | SQLITE_DB | APP_DATA_PATHS | CONFIG_PATHS | DOCKER_VOLUMES_PATH | REDIS_* | SERVICE_*_COMMAND | HEALTH_* | PSQL)
        unset "$variable"
        ;;
    esac
done < <(compgen -e)
export DEMO_ORIGIN=$first_day
export BACKUP_CONFIG=backup.env BACKUP_DIR=backups BACKUP_NOTIFY_FAILURE=false

# A few days without any backup (from 10 days of history on), and the days of the special events, moved off
# the gaps.
gaps=" "
((days >= 10)) && gaps=" $((days / 5)) $((days * 9 / 20)) $((days * 9 / 20 + 1)) $((days * 7 / 10)) "
off_gap() {
    local d=$1
    while [[ $gaps == *" $d "* ]]; do d=$((d + 1)); done
    REPLY=$d
}
off_gap $((days * 11 / 20))
failed_day=$REPLY
off_gap $((days / 3))
damaged_day=$REPLY
off_gap $((days * 4 / 5))
restore_day=$REPLY
messages=("stand-up in 10 minutes" "water the plants" "deploy window opens" "weekly report due" "raid at 21:00")

lane_err=/dev/null # each lane names its own file for the tool's messages
# tool_at EPOCH EXPECTED_EXIT ARGS...: the tool believing it is EPOCH; another exit code stops the lane.
tool_at() {
    local at=$1 expected=$2
    shift 2
    BACKUP_NOW=$at "$BASH" "$tool" "$@" >/dev/null 2>"$lane_err"
    local rc=$?
    if ((rc != expected)); then
        cat -- "$lane_err" >&2
        fail "backup-system.sh $* (at $at) exited with $rc, expected $expected"
    fi
}
full_at() { # DAY -> REPLY: the time of the day's full backup (02:00 and a few seconds)
    REPLY=$((first_day + $1 * 86400 + 7200 + $1 * 7 % 50))
}

lane_databases() {
    local day midnight at row_id=0 stamp hour
    # add_rows N AT: the bot's reminders of the day in SQLite.
    add_rows() {
        local n=$1 at=$2 sql="BEGIN;" i
        for ((i = 0; i < n; i++)); do
            row_id=$((row_id + 1))
            printf -v sql "%sINSERT INTO reminders VALUES (%d, %d, %d, '%s', '%(%Y-%m-%dT%H:%M:%SZ)T');" \
                "$sql" "$row_id" $((row_id % 3 + 1)) $((9200 + row_id % 17)) "${messages[row_id % 5]}" $((at + i * 97))
        done
        sqlite3 data/discord_bot.db "$sql COMMIT;" || fail "cannot write data/discord_bot.db"
    }
    for ((day = 0; day < days; day++)); do
        printf 'demo: day %d/%d\n' $((day + 1)) "$days"
        midnight=$((first_day + day * 86400))
        add_rows $((12 + day % 7)) $((midnight + 3600))
        if [[ $gaps != *" $day "* ]]; then
            full_at "$day"
            at=$REPLY
            tool_at "$at" 0 backup full --component sqlite
            printf -v stamp '%(%Y%m%d-%H%M%S)T' "$at"
            if ((day == damaged_day)); then
                local damaged="backups/database/sqlite-$stamp.db.gz"
                # A disk error in the middle of the file: its checksum and gzip CRC no longer match.
                printf 'DAMAGED' | dd of="$damaged" bs=1 seek=60 conv=notrunc status=none
                touch -d "@$at" "$damaged"
                tool_at $((midnight + 4 * 3600)) 1 verify "$damaged"
            elif ((day % 7 == 3 || day == days - 1)); then
                tool_at $((midnight + 4 * 3600 + 120)) 0 verify "backups/database/sqlite-$stamp.db.gz"
            fi
            if ((day == restore_day)); then
                tool_at $((midnight + 10 * 3600)) 0 restore-sqlite "backups/database/sqlite-$stamp.db.gz" --yes
            fi
        fi
        # The last two days: hourly critical (sqlite) backups.
        if ((day >= days - 2)); then
            for ((hour = 0; hour < 24; hour++)); do
                at=$((midnight + hour * 3600 + 1800))
                ((at < end)) || continue
                add_rows 2 $((at - 60))
                tool_at "$at" 0 backup critical --component sqlite
            done
        fi
    done
}

lane_files() {
    local day midnight at stamp hour
    for ((day = 0; day < days; day++)); do
        midnight=$((first_day + day * 86400))
        printf '%(%Y-%m-%dT%H:%M:%SZ)T INFO scheduler: %d reminders due, %d sent\n' $((midnight + 3600)) \
            $((12 + day % 7)) $((12 + day % 7)) >>logs/bot.log
        ((day % 6 == 0)) && printf 'upload %d\n' "$day" >"uploads/attachment-$day.txt"
        if [[ $gaps != *" $day "* ]]; then
            full_at "$day"
            at=$REPLY
            tool_at "$at" 0 backup full --component app-data
            if ((day % 7 == 3 || day == days - 1)); then
                printf -v stamp '%(%Y%m%d-%H%M%S)T' "$at"
                tool_at $((midnight + 4 * 3600 + 130)) 0 verify "backups/application/app-data-$stamp.tar.gz.enc"
            fi
        fi
        # The last week: incremental app-data every 6 hours between the daily full archives.
        if ((day >= days - 7)); then
            for hour in 8 14 20; do
                at=$((midnight + hour * 3600 + 300))
                ((at < end)) || continue
                printf '%(%Y-%m-%dT%H:%M:%SZ)T INFO gateway: heartbeat ok\n' "$at" >>logs/bot.log
                printf 'note %d %d\n' "$day" "$hour" >"uploads/note-$day-$hour.txt"
                tool_at "$at" 0 backup incremental
            done
        fi
    done
}

lane_server() {
    local day at stamp
    for ((day = 0; day < days; day++)); do
        [[ $gaps == *" $day "* ]] && continue
        full_at "$day"
        at=$REPLY
        if ((day == failed_day)); then
            DEMO_PG_DUMP_FAIL=1 tool_at "$at" 1 backup full --component postgres,config
        else
            tool_at "$at" 0 backup full --component postgres,config
            if ((day % 7 == 3 || day == days - 1)); then
                printf -v stamp '%(%Y%m%d-%H%M%S)T' "$at"
                tool_at $((first_day + day * 86400 + 4 * 3600 + 125)) 0 verify "backups/database/postgres-$stamp.sql.gz"
            fi
        fi
    done
}

lane_dir=$(mktemp -d) || fail "cannot create a temporary folder"
trap 'rm -rf -- "$lane_dir"' EXIT
lane_err="$lane_dir/files.err" lane_files &
files_pid=$!
lane_err="$lane_dir/server.err" lane_server &
server_pid=$!
lane_err="$lane_dir/databases.err" lane_databases
databases_status=$?
wait "$files_pid"
files_status=$?
wait "$server_pid"
server_status=$?
((databases_status == 0 && files_status == 0 && server_status == 0)) || fail "building the history failed"

# Time order, as a host that lived through it would have written it (stable: same-second lines keep theirs).
LC_ALL=C sort -s -t '"' -k6,6 backups/catalog.jsonl >"$lane_dir/catalog" && cat -- "$lane_dir/catalog" >backups/catalog.jsonl

elapsed=$(((${EPOCHREALTIME//[!0-9]/} - ${started//[!0-9]/}) / 1000))
backups=$(find backups -type f -name '*-[0-9]*' ! -name '*.sha256' | wc -l)
printf 'demo: done, %d days, %d backup files, %d catalog events in %d ms (%s)\n' "$days" "$backups" \
    "$(wc -l <backups/catalog.jsonl)" "$elapsed" "$PWD"
