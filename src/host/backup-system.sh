#!/usr/bin/env bash
# backup-system.sh — the DR Console host tool: backups, verification, retention, restores, remote copies and
# detached jobs for the Discord reminder bot host. Run it from the project directory (where ./backups lives).
# The console relies on what src/host/PROTOCOL.md describes; `backup-system.sh help` documents every command.
# Producers, traps and nested helpers are called indirectly:
# shellcheck disable=SC2317
set -uo pipefail
shopt -s nullglob extglob
umask 077

TOOL_NAME="backup-system.sh"
TOOL_VERSION="0.3.1"
PROTOCOL_VERSION=1

# Names a configuration file may set. Anything else (PATH, LD_PRELOAD, ...) is refused: the file is data.
CONFIG_KEYS_RE='^(BACKUP_[A-Z0-9_]+|PG(HOST|PORT|USER|DATABASE|PASSWORD|PASSFILE|SSLMODE)|PG_DUMP|PG_RESTORE|PSQL|SQLITE_DB|APP_DATA_PATHS|CONFIG_PATHS|DOCKER_VOLUMES_PATH|REDIS_URL|REDIS_CLI|REDIS_CHECK_RDB|SERVICE_(STOP|START)_COMMAND|HEALTH_[A-Z0-9_]+)$'
DEFAULT_CONFIG_CANDIDATES="docker-compose.yml docker-compose.yaml docker-compose.prod.yml compose.yml compose.yaml .env backup.env config scripts"
ALL_COMPONENTS="postgres sqlite redis app-data config docker-volumes"

# ----------------------------------------------------------------------------------------------------------
# Messages and exits

say() { printf '%s\n' "$*"; }
warn() { printf '%s: warning: %s\n' "$TOOL_NAME" "$*" >&2; }
# Bad usage or configuration: exit 2 with a clear message.
die_usage() {
    printf '%s: %s\n' "$TOOL_NAME" "$1" >&2
    printf "Run '%s help%s' for usage.\n" "$TOOL_NAME" "${2:+ $2}" >&2
    exit 2
}
die_config() {
    printf '%s: configuration error: %s\n' "$TOOL_NAME" "$*" >&2
    exit 2
}
is_true() {
    case ${1,,} in true | yes | 1 | on) return 0 ;; *) return 1 ;; esac
}
# The first lines of an error file as one line (catalog fields hold one line).
one_line_from_file() {
    local -a lines=()
    [[ -s $1 ]] && mapfile -t -n 4 lines < <(grep -v '^[[:space:]]*$' -- "$1")
    local IFS=';'
    REPLY="${lines[*]}"
    REPLY=${REPLY//;/; }
    REPLY=${REPLY//[[:cntrl:]]/ }
    [[ -n $REPLY ]] || REPLY=${2:-no error output}
}

# ----------------------------------------------------------------------------------------------------------
# Time. BACKUP_NOW (UTC epoch seconds) replaces the clock for demo histories and tests.

now_epoch() {
    if [[ -n ${BACKUP_NOW:-} ]]; then REPLY=$BACKUP_NOW; else REPLY=$EPOCHSECONDS; fi
}
iso_utc() { TZ=UTC0 printf -v REPLY '%(%Y-%m-%dT%H:%M:%SZ)T' "$1"; }
iso_now() {
    now_epoch
    iso_utc "$REPLY"
}
local_stamp() { printf -v REPLY '%(%Y%m%d-%H%M%S)T' "$1"; }
clock_ms() {
    local micro=${EPOCHREALTIME//[!0-9]/}
    REPLY=$((10#$micro / 1000))
}

# ----------------------------------------------------------------------------------------------------------
# JSON

json_str() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//$'\n'/\\n}
    s=${s//$'\r'/\\r}
    s=${s//$'\t'/\\t}
    s=${s//[[:cntrl:]]/ }
    REPLY="\"$s\""
}
# json_object key=string key:=raw-json key?=string-omitted-when-empty key#=raw-json-omitted-when-empty -> REPLY
json_object() {
    local out="" arg key mode value
    for arg; do
        [[ $arg =~ ^([a-z_0-9]+)([:?#]?)=(.*)$ ]] || continue
        key=${BASH_REMATCH[1]} mode=${BASH_REMATCH[2]} value=${BASH_REMATCH[3]}
        case $mode in
        :) [[ -n $value ]] || value=null ;;
        \#) [[ -n $value ]] || continue ;;
        \?)
            [[ -n $value ]] || continue
            json_str "$value"
            value=$REPLY
            ;;
        *)
            json_str "$value"
            value=$REPLY
            ;;
        esac
        out+="${out:+,}\"$key\":$value"
    done
    REPLY="{$out}"
}
json_array_of_strings() {
    local out="" item
    for item; do
        json_str "$item"
        out+="${out:+,}$REPLY"
    done
    REPLY="[$out]"
}
json_bool() { if "$@"; then REPLY=true; else REPLY=false; fi; }

# Appends one event to the catalog with a single write (lines are short, so appends never interleave).
catalog_event() {
    local event=$1
    shift
    iso_now
    json_object v:=1 ts="$REPLY" event="$event" host="$HOSTNAME" "$@"
    [[ -d $BACKUP_DIR ]] || mkdir -p -- "$BACKUP_DIR"
    printf '%s\n' "$REPLY" >>"$CATALOG" || warn "cannot append to $CATALOG"
}

# ----------------------------------------------------------------------------------------------------------
# Configuration: the environment first, then the KEY=VALUE file (parsed, never sourced).

load_config() {
    local file=${BACKUP_CONFIG:-}
    if [[ -n $file ]]; then
        [[ -r $file && ! -d $file ]] || die_config "BACKUP_CONFIG=$file: no such readable file"
    elif [[ -r /etc/drconsole/backup.env ]]; then
        file=/etc/drconsole/backup.env
    elif [[ -r ./backup.env ]]; then
        file=./backup.env
    else
        CONFIG_FILE_USED=""
        return 0
    fi
    CONFIG_FILE_USED=$file
    local line key value n=0
    while IFS= read -r line || [[ -n $line ]]; do
        n=$((n + 1))
        line=${line%$'\r'}
        line=${line##+([[:space:]])}
        [[ -z $line || $line == \#* ]] && continue
        [[ $line == export[[:space:]]* ]] && line=${line#export} && line=${line##+([[:space:]])}
        [[ $line == *=* ]] || die_config "$file line $n: expected KEY=VALUE, got \"$line\""
        key=${line%%=*}
        key=${key%%+([[:space:]])}
        value=${line#*=}
        value=${value##+([[:space:]])}
        if [[ $value == \"*\" && ${#value} -ge 2 ]]; then
            value=${value:1:${#value}-2}
        elif [[ $value == \'*\' && ${#value} -ge 2 ]]; then
            value=${value:1:${#value}-2}
        else
            value=${value%%[[:space:]]#*}
            value=${value%%+([[:space:]])}
        fi
        if ! [[ $key =~ $CONFIG_KEYS_RE ]] || [[ $key == BACKUP_CONFIG ]]; then
            warn "$file line $n: unknown setting $key ignored"
            continue
        fi
        [[ -n ${!key+set} ]] && continue
        printf -v "$key" '%s' "$value"
        export "${key?}"
    done <"$file"
}

apply_defaults() {
    BACKUP_DIR=${BACKUP_DIR:-./backups}
    while [[ $BACKUP_DIR == ./* ]]; do BACKUP_DIR=${BACKUP_DIR#./}; done
    [[ $BACKUP_DIR == / ]] || BACKUP_DIR=${BACKUP_DIR%%+(/)}
    [[ -n $BACKUP_DIR ]] || BACKUP_DIR=.
    CATALOG="$BACKUP_DIR/catalog.jsonl"
    LOCK_DIR="$BACKUP_DIR/locks"
    JOBS_DIR="$BACKUP_DIR/jobs"

    if [[ -n ${BACKUP_NOW:-} && ! $BACKUP_NOW =~ ^[0-9]+$ ]]; then
        die_config "BACKUP_NOW must be UTC epoch seconds, not \"$BACKUP_NOW\""
    fi
    BACKUP_RETENTION_DAYS=${BACKUP_RETENTION_DAYS:-30}
    [[ $BACKUP_RETENTION_DAYS =~ ^[0-9]+$ ]] ||
        die_config "BACKUP_RETENTION_DAYS must be a whole number of days, not \"$BACKUP_RETENTION_DAYS\""
    BACKUP_COMPRESSION=${BACKUP_COMPRESSION:-true}
    BACKUP_COMPRESSION_LEVEL=${BACKUP_COMPRESSION_LEVEL:-6}
    [[ $BACKUP_COMPRESSION_LEVEL =~ ^[1-9]$ ]] ||
        die_config "BACKUP_COMPRESSION_LEVEL must be 1..9, not \"$BACKUP_COMPRESSION_LEVEL\""
    BACKUP_ENCRYPTION=${BACKUP_ENCRYPTION:-false}
    [[ -n ${BACKUP_ENCRYPTION_KEY:-} ]] && export BACKUP_ENCRYPTION_KEY

    # SQLITE_DB set but empty: no SQLite database on this host.
    SQLITE_DB_EXPLICIT=${SQLITE_DB+set}
    SQLITE_DISABLED=""
    [[ -n $SQLITE_DB_EXPLICIT && -z $SQLITE_DB ]] && SQLITE_DISABLED=1
    SQLITE_DB=${SQLITE_DB:-data/discord_bot.db}
    while [[ $SQLITE_DB == ./* ]]; do SQLITE_DB=${SQLITE_DB#./}; done
    APP_DATA_EXPLICIT=${APP_DATA_PATHS+set}
    APP_DATA_PATHS=${APP_DATA_PATHS-data logs uploads}
    CONFIG_PATHS_EXPLICIT=${CONFIG_PATHS+set}
    CONFIG_PATHS=${CONFIG_PATHS-}
    DOCKER_VOLUMES_PATH=${DOCKER_VOLUMES_PATH-}
    REDIS_URL=${REDIS_URL:-}
    REDIS_CLI=${REDIS_CLI:-redis-cli}
    REDIS_CHECK_RDB=${REDIS_CHECK_RDB:-redis-check-rdb}
    PG_DUMP=${PG_DUMP:-pg_dump}
    PSQL=${PSQL:-psql}
    PG_RESTORE=${PG_RESTORE:-pg_restore}
    SERVICE_STOP_COMMAND=${SERVICE_STOP_COMMAND-docker-compose stop discord-reminder-bot}
    SERVICE_START_COMMAND=${SERVICE_START_COMMAND-docker-compose start discord-reminder-bot}
    HEALTH_CHECK_COMMAND=${HEALTH_CHECK_COMMAND:-}
    BACKUP_NOTIFY_FAILURE=${BACKUP_NOTIFY_FAILURE:-true}
    BACKUP_NOTIFY_SUCCESS=${BACKUP_NOTIFY_SUCCESS:-false}
    BACKUP_REMOTE_ENABLED=${BACKUP_REMOTE_ENABLED:-false}
}

# The encryption key must exist before anything is written with it.
check_encryption_key() {
    if [[ -n ${BACKUP_ENCRYPTION_KEY:-} ]]; then return 0; fi
    if [[ -n ${BACKUP_ENCRYPTION_KEY_FILE:-} ]]; then
        [[ -r $BACKUP_ENCRYPTION_KEY_FILE ]] ||
            die_config "BACKUP_ENCRYPTION_KEY_FILE=$BACKUP_ENCRYPTION_KEY_FILE cannot be read"
        [[ -s $BACKUP_ENCRYPTION_KEY_FILE ]] || die_config "BACKUP_ENCRYPTION_KEY_FILE=$BACKUP_ENCRYPTION_KEY_FILE is empty"
        # openssl takes the first line, up to a NUL byte, as the key: an empty one encrypts with an empty password.
        case $(head -c 1 -- "$BACKUP_ENCRYPTION_KEY_FILE" | od -An -tu1) in
        *" 10" | *" 0")
            die_config "BACKUP_ENCRYPTION_KEY_FILE=$BACKUP_ENCRYPTION_KEY_FILE: its first line (the key) is empty" ;;
        esac
        return 0
    fi
    die_config "BACKUP_ENCRYPTION=true needs BACKUP_ENCRYPTION_KEY or BACKUP_ENCRYPTION_KEY_FILE"
}
have_key() { [[ -n ${BACKUP_ENCRYPTION_KEY:-} || (-n ${BACKUP_ENCRYPTION_KEY_FILE:-} && -r ${BACKUP_ENCRYPTION_KEY_FILE:-}) ]]; }

# openssl with the key from the environment or a file descriptor: never on a command line.
crypt() {
    if [[ -n ${BACKUP_ENCRYPTION_KEY:-} ]]; then
        openssl enc "$1" -aes-256-cbc -pbkdf2 -salt -pass env:BACKUP_ENCRYPTION_KEY
    else
        openssl enc "$1" -aes-256-cbc -pbkdf2 -salt -pass fd:3 3<"$BACKUP_ENCRYPTION_KEY_FILE"
    fi
}

# Whether backups of component $1 are encrypted: BACKUP_ENCRYPTION, limited to BACKUP_ENCRYPTION_COMPONENTS
# (a list of component names) when that is set.
encrypts_component() {
    is_true "$BACKUP_ENCRYPTION" || return 1
    [[ -z ${BACKUP_ENCRYPTION_COMPONENTS:-} ]] && return 0
    local list=" ${BACKUP_ENCRYPTION_COMPONENTS//,/ } "
    [[ $list == *" ${1#emergency-} "* ]]
}

# A backup file's plain content on stdout: decrypted and decompressed according to its name.
decode_stream() {
    local file=$1
    case $file in
    *.gz.enc) crypt -d <"$file" | gzip -dc ;;
    *.enc) crypt -d <"$file" ;;
    *.gz) gzip -dc <"$file" ;;
    *) cat -- "$file" ;;
    esac
}

# ----------------------------------------------------------------------------------------------------------
# Backup file names: <prefix>-YYYYMMDD-HHMMSS.<format>[.gz][.enc]

# parse_backup_name NAME -> NAME_PREFIX NAME_COMPONENT NAME_KIND NAME_STAMP NAME_FORMAT; fails if not a backup
parse_backup_name() {
    local name=${1##*/}
    [[ $name =~ ^([a-z][a-z0-9-]*)-([0-9]{8})-([0-9]{6})\.([a-z0-9]+)(\.gz)?(\.enc)?$ ]] || return 1
    NAME_PREFIX=${BASH_REMATCH[1]}
    NAME_STAMP="${BASH_REMATCH[2]}-${BASH_REMATCH[3]}"
    NAME_FORMAT=${BASH_REMATCH[4]}
    NAME_COMPONENT=${NAME_PREFIX%-incremental}
    if [[ $NAME_PREFIX == *-incremental ]]; then NAME_KIND=incremental; else NAME_KIND=full; fi
    [[ $NAME_COMPONENT == emergency-* ]] && NAME_KIND=emergency
    return 0
}
type_of_format() {
    case $1 in
    sql | dump) REPLY=postgres ;;
    db | sqlite | sqlite3) REPLY=sqlite ;;
    tar) REPLY=tar ;;
    rdb) REPLY=redis ;;
    *) REPLY="" ;;
    esac
}
# Path as the catalog writes it: relative to the working directory when it lies below it, no leading ./
catalog_path() {
    local p=$1
    [[ $BACKUP_DIR != /* && $p == "$PWD"/* ]] && p=${p#"$PWD"/}
    while [[ $p == ./* ]]; do p=${p#./}; done
    REPLY=$p
}

# Every backup file below BACKUP_DIR (the seed's folders), one "size<TAB>mtime<TAB>path" line each, sorted by path.
list_backup_files() {
    local -a dirs=()
    local d
    for d in database application system emergency; do [[ -d $BACKUP_DIR/$d ]] && dirs+=("$BACKUP_DIR/$d"); done
    ((${#dirs[@]})) || return 0
    find "${dirs[@]}" -maxdepth 1 -type f ! -name '.*' ! -name '*.sha256' ! -name '*.tmp' -printf '%s\t%T@\t%p\n' |
        LC_ALL=C sort -t $'\t' -k3,3
}

# One scratch file per run for the stderr of a step's commands (emptied by each step, removed at exit).
run_err_file() {
    if [[ -z ${RUN_ERR:-} ]]; then
        RUN_ERR=$(mktemp "${TMPDIR:-/tmp}/backup-system.XXXXXX") || die_config "cannot create a temporary file in ${TMPDIR:-/tmp}"
        TEMP_FILES+=("$RUN_ERR")
    fi
    : >"$RUN_ERR"
}

# ----------------------------------------------------------------------------------------------------------
# Components

# component_state NAME -> 0 configured (COMPONENT_PATHS set for file components), 1 not configured (SKIP_REASON)
component_state() {
    local name=$1 p
    COMPONENT_PATHS=()
    SKIP_REASON=""
    case $name in
    postgres)
        [[ -n ${PGDATABASE:-} ]] && return 0
        SKIP_REASON="not configured (PGDATABASE is not set)"
        ;;
    sqlite)
        if [[ -n $SQLITE_DISABLED ]]; then
            SKIP_REASON="not configured (SQLITE_DB is empty)"
            return 1
        fi
        [[ -e $SQLITE_DB || -n $SQLITE_DB_EXPLICIT ]] && return 0
        SKIP_REASON="not configured (no SQLite database at $SQLITE_DB; set SQLITE_DB)"
        ;;
    redis)
        [[ -n $REDIS_URL ]] && return 0
        SKIP_REASON="not configured (REDIS_URL is not set)"
        ;;
    app-data | config)
        local list explicit label
        if [[ $name == app-data ]]; then
            list=$APP_DATA_PATHS explicit=$APP_DATA_EXPLICIT label=APP_DATA_PATHS
        else
            list=$CONFIG_PATHS explicit=$CONFIG_PATHS_EXPLICIT label=CONFIG_PATHS
            [[ -z $explicit ]] && list=$DEFAULT_CONFIG_CANDIDATES
        fi
        local -a wanted
        read -r -a wanted <<<"$list"
        for p in "${wanted[@]}"; do
            while [[ $p == ./* ]]; do p=${p#./}; done
            if [[ -e $p ]]; then
                COMPONENT_PATHS+=("$p")
            elif [[ -n $explicit ]]; then
                COMPONENT_PATHS+=("$p") # missing: the backup fails and says which
            fi
        done
        ((${#COMPONENT_PATHS[@]})) && return 0
        if [[ -n $explicit && -z $list ]]; then
            SKIP_REASON="not configured ($label is empty)"
        else
            SKIP_REASON="not configured (none of $list exists; set $label)"
        fi
        ;;
    docker-volumes)
        if [[ -n $DOCKER_VOLUMES_PATH ]]; then
            COMPONENT_PATHS=("$DOCKER_VOLUMES_PATH")
            return 0
        fi
        if [[ -d volumes ]]; then
            COMPONENT_PATHS=(volumes)
            return 0
        fi
        SKIP_REASON="not configured (DOCKER_VOLUMES_PATH is not set and there is no ./volumes)"
        ;;
    esac
    return 1
}

# How a component's plain backup stream is made: PRODUCER, a command writing it on stdout (PRODUCER_MAX_OK: the
# highest exit code that still means success), or SNAPSHOT, a function writing it into a file first.
# Commands run directly, not through functions, to keep forks down (the demo history runs this hundreds of times).
set_producer_postgres() {
    PRODUCER=("$PG_DUMP" --no-password --clean --if-exists "--dbname=$PGDATABASE") PRODUCER_MAX_OK=0 SNAPSHOT=""
}
set_producer_tar() { # SNAR_FILE|"" PATHS...
    local snar=$1
    shift
    # GNU tar exit 1 means files changed while being read: the archive is usable.
    PRODUCER=(tar --create --file=- --no-check-device --warning=no-file-changed --anchored)
    [[ -n $snar ]] && PRODUCER+=("--listed-incremental=$snar")
    # The live SQLite file has its own consistent backup; the backup folder never goes into itself.
    PRODUCER+=("--exclude=$SQLITE_DB" "--exclude=$SQLITE_DB-wal" "--exclude=$SQLITE_DB-shm"
        "--exclude=$SQLITE_DB-journal" "--exclude=$BACKUP_DIR" -- "$@")
    PRODUCER_MAX_OK=1 SNAPSHOT=""
}
set_producer_snapshot() { # FUNCTION
    PRODUCER=() PRODUCER_MAX_OK=0 SNAPSHOT=$1
}
snapshot_sqlite() { # $1: a temporary snapshot path (no quote characters)
    if [[ ! -f $SQLITE_DB ]]; then
        printf 'SQLite database %s does not exist\n' "$SQLITE_DB" >&2
        return 1
    fi
    # .backup takes a consistent copy through SQLite's own locking: never a raw copy of a live file.
    sqlite3 -bail -cmd '.timeout 30000' "$SQLITE_DB" ".backup '$1'" </dev/null
}
snapshot_redis() { # $1: a temporary snapshot path
    "$REDIS_CLI" -u "$REDIS_URL" --rdb "$1" >/dev/null </dev/null
}

# The -pass argument of openssl: the key from the environment or from file descriptor 3 (KEY_FD_SOURCE).
openssl_pass() {
    if [[ -n ${BACKUP_ENCRYPTION_KEY:-} ]]; then
        PASS_SPEC=env:BACKUP_ENCRYPTION_KEY KEY_FD_SOURCE=/dev/null
    else
        PASS_SPEC=fd:3 KEY_FD_SOURCE=$BACKUP_ENCRYPTION_KEY_FILE
    fi
}

# gzip from stdin to stdout in independent members, one per GZIP_MEMBER_SIZE of input: every gzip reader takes
# the concatenation as one file (gzip -d, tar -z, zcat), and the console's verifier inflates the members on all of
# its cores instead of one. Where split has no --filter (BusyBox), one member as before. An empty input makes no
# member at all, but every producer here writes at least a header.
GZIP_MEMBER_SIZE=4M
gzip_members() { # $1: the level option, e.g. -6 (checked to be -1 .. -9)
    if split -b 1 --filter=cat </dev/null >/dev/null 2>&1; then
        # split runs the filter with $SHELL, which may be a login shell that refuses commands (nologin).
        SHELL=/bin/sh split -b "$GZIP_MEMBER_SIZE" --filter="gzip -c $1" -
    else
        gzip -c "$1"
    fi
}

# Runs the producer (or reads SNAPSHOT_FILE) into $1, compressed and encrypted as STORE_ENCRYPTED says.
# Sets STATUS to the exit codes of the producer and of the storing stage (the worst of its commands).
produce_and_store() {
    local out=$1 err=$2 level="-$BACKUP_COMPRESSION_LEVEL" mode=plain
    is_true "$BACKUP_COMPRESSION" && mode=gz
    if [[ -n $STORE_ENCRYPTED ]]; then
        mode+=-enc
        openssl_pass
    fi
    # The output is opened here and shared with the pipeline, so that its final offset (/proc fdinfo, read
    # without starting a process) is the file's size.
    local out_fd
    exec {out_fd}>"$out" || {
        STATUS=(0 1)
        return
    }
    local -a st
    if [[ -n $SNAPSHOT ]]; then
        case $mode in
        gz-enc) gzip_members "$level" <"$SNAPSHOT_FILE" 2>>"$err" | openssl enc -e -aes-256-cbc -pbkdf2 -salt -pass "$PASS_SPEC" 3<"$KEY_FD_SOURCE" 1>&"$out_fd" 2>>"$err" ;;
        gz) gzip_members "$level" <"$SNAPSHOT_FILE" 1>&"$out_fd" 2>>"$err" ;;
        plain-enc) openssl enc -e -aes-256-cbc -pbkdf2 -salt -pass "$PASS_SPEC" 3<"$KEY_FD_SOURCE" <"$SNAPSHOT_FILE" 1>&"$out_fd" 2>>"$err" ;;
        *) cat -- "$SNAPSHOT_FILE" 1>&"$out_fd" 2>>"$err" ;;
        esac
        st=(0 "${PIPESTATUS[@]}")
    else
        case $mode in
        gz-enc) "${PRODUCER[@]}" 2>>"$err" </dev/null | gzip_members "$level" 2>>"$err" | openssl enc -e -aes-256-cbc -pbkdf2 -salt -pass "$PASS_SPEC" 3<"$KEY_FD_SOURCE" 1>&"$out_fd" 2>>"$err" ;;
        gz) "${PRODUCER[@]}" 2>>"$err" </dev/null | gzip_members "$level" 1>&"$out_fd" 2>>"$err" ;;
        plain-enc) "${PRODUCER[@]}" 2>>"$err" </dev/null | openssl enc -e -aes-256-cbc -pbkdf2 -salt -pass "$PASS_SPEC" 3<"$KEY_FD_SOURCE" 1>&"$out_fd" 2>>"$err" ;;
        *) "${PRODUCER[@]}" 1>&"$out_fd" 2>>"$err" </dev/null ;;
        esac
        st=("${PIPESTATUS[@]}")
        ((${#st[@]} == 1)) && st+=(0)
    fi
    STORED_SIZE=""
    local key value
    if [[ -r /proc/self/fdinfo/$out_fd ]]; then
        while read -r key value; do
            [[ $key == pos: ]] && STORED_SIZE=$value
        done <"/proc/self/fdinfo/$out_fd"
    fi
    exec {out_fd}>&-
    local producer_status=${st[0]} store_status=0 code
    ((producer_status <= PRODUCER_MAX_OK)) && producer_status=0
    for code in "${st[@]:1}"; do ((code > store_status)) && store_status=$code; done
    STATUS=("$producer_status" "$store_status")
}

# backup_one KIND COMPONENT SUBDIR PREFIX FORMAT (with PRODUCER or SNAPSHOT set)
# Writes one backup: temp name, sidecar, rename; catalog events. Sets LAST_BACKUP_FILE on success.
backup_one() {
    local kind=$1 component=$2 subdir=$3 prefix=$4 format=$5
    local dir="$BACKUP_DIR/$subdir" name="$prefix-$RUN_STAMP.$format"
    is_true "$BACKUP_COMPRESSION" && name+=.gz
    STORE_ENCRYPTED=""
    encrypts_component "$component" && STORE_ENCRYPTED=1 && name+=.enc
    local path="$dir/$name" tmp="$dir/.$name.tmp"
    LAST_BACKUP_FILE=""
    LAST_BACKUP_ERROR=""
    clock_ms
    local started_ms=$REPLY
    say "##step backup-$component"
    if [[ ! -d $dir || ! -d $LOCK_DIR ]] && ! mkdir -p -- "$dir" "$LOCK_DIR"; then
        backup_failed "$kind" "$component" "" "cannot create $dir" "$started_ms"
        return 1
    fi
    local lock_fd
    if ! exec {lock_fd}>>"$LOCK_DIR/$component.lock"; then
        backup_failed "$kind" "$component" "" "cannot open lock $LOCK_DIR/$component.lock" "$started_ms"
        return 1
    fi
    if ! flock -n "$lock_fd"; then
        exec {lock_fd}>&-
        backup_failed "$kind" "$component" "" "another backup of $component is running (lock $LOCK_DIR/$component.lock)" "$started_ms"
        return 1
    fi
    # Names have one-second resolution: a second run within the same second waits for the next one.
    local waited=0
    while [[ -e $path && -z ${BACKUP_NOW:-} && waited -lt 2 ]]; do
        sleep 1
        waited=$((waited + 1))
        local_stamp "$EPOCHSECONDS"
        RUN_STAMP=$REPLY
        name=${name/-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]./-$RUN_STAMP.}
        path="$dir/$name" tmp="$dir/.$name.tmp"
    done
    if [[ -e $path ]]; then
        exec {lock_fd}>&-
        backup_failed "$kind" "$component" "$path" "$path already exists" "$started_ms"
        return 1
    fi
    catalog_event backup_started kind="$kind" component="$component" file="$path" "job?=${BACKUP_JOB_ID:-}"
    TEMP_FILES+=("$tmp")
    # The component's last error output stays beside its lock (hidden, overwritten by the next run).
    local err="$LOCK_DIR/.$component.err"
    : >"$err"
    if [[ -n $SNAPSHOT ]]; then
        # Emptied, not removed, after use: the same name serves the next run without another process.
        SNAPSHOT_FILE="$dir/.$prefix.snapshot.tmp"
        : >"$SNAPSHOT_FILE"
        if "$SNAPSHOT" "$SNAPSHOT_FILE" 2>>"$err"; then
            produce_and_store "$tmp" "$err"
        else
            STATUS=($? 0)
        fi
        : >"$SNAPSHOT_FILE"
    else
        produce_and_store "$tmp" "$err"
    fi
    if ((STATUS[0] != 0 || STATUS[1] != 0)); then
        one_line_from_file "$err" "exit codes ${STATUS[*]}"
        local why=$REPLY
        ((STATUS[0] != 0)) && why="${SNAPSHOT:-${PRODUCER[0]##*/}} failed (exit ${STATUS[0]}): $why"
        [[ -e $tmp ]] && rm -f -- "$tmp"
        exec {lock_fd}>&-
        backup_failed "$kind" "$component" "$path" "$why" "$started_ms"
        return 1
    fi
    [[ -s $err ]] && cat -- "$err" >&2
    local sha size
    read -r sha _ < <(sha256sum -- "$tmp")
    size=$STORED_SIZE
    [[ $size =~ ^[0-9]+$ ]] || size=$(stat -c %s -- "$tmp")
    # The sidecar is one short write; the backup appears under its name only when complete.
    if ! printf '%s  %s\n' "$sha" "$name" >"$path.sha256" || ! mv -f -- "$tmp" "$path"; then
        rm -f -- "$tmp" "$path.sha256"
        exec {lock_fd}>&-
        backup_failed "$kind" "$component" "$path" "cannot rename $tmp to $path" "$started_ms"
        return 1
    fi
    # BACKUP_NOW runs set the files' times once, at the end of the run (see cleanup_temp).
    [[ -n ${BACKUP_NOW:-} ]] && TOUCH_FILES+=("$path" "$path.sha256")
    exec {lock_fd}>&-
    clock_ms
    local duration=$((REPLY - started_ms))
    local compressed encrypted
    json_bool is_true "$BACKUP_COMPRESSION"
    compressed=$REPLY
    json_bool test -n "$STORE_ENCRYPTED"
    encrypted=$REPLY
    catalog_event backup_finished kind="$kind" component="$component" file="$path" size:="$size" sha256="$sha" \
        duration_ms:="$duration" encrypted:="$encrypted" compressed:="$compressed" "base?=${BACKUP_BASE:-}" \
        "job?=${BACKUP_JOB_ID:-}"
    say "$component: $path ($size bytes, $duration ms)"
    LAST_BACKUP_FILE=$path
    return 0
}

backup_failed() { # KIND COMPONENT FILE ERROR STARTED_MS
    clock_ms
    local duration=$((REPLY - $5))
    catalog_event backup_failed kind="$1" component="$2" "file?=$3" error="$4" duration_ms:="$duration" \
        "job?=${BACKUP_JOB_ID:-}"
    printf '%s: FAILED: %s\n' "$2" "$4" >&2
    LAST_BACKUP_ERROR=$4
    FAILURES+=("$2: $4")
}

backup_skipped() { # KIND COMPONENT REASON
    catalog_event backup_skipped kind="$1" component="$2" reason="$3"
    say "$2: skipped, $3"
}

# The component's backup of the given kind. Returns 1 on failure, 0 on success or skip.
backup_component() {
    local kind=$1 component=$2
    BACKUP_BASE="" LAST_BACKUP_FILE="" LAST_BACKUP_ERROR=""
    if ! component_state "$component"; then
        backup_skipped "$kind" "$component" "$SKIP_REASON"
        return 0
    fi
    case $component in
    postgres)
        set_producer_postgres
        backup_one "$kind" postgres database postgres sql
        ;;
    sqlite)
        if [[ $BACKUP_DIR == *\'* ]]; then
            backup_failed "$kind" sqlite "" "BACKUP_DIR must not contain a single quote (sqlite3 .backup)" 0
            return 1
        fi
        set_producer_snapshot snapshot_sqlite
        backup_one "$kind" sqlite database sqlite db
        ;;
    redis)
        set_producer_snapshot snapshot_redis
        backup_one "$kind" redis database redis rdb
        ;;
    config | docker-volumes)
        local p
        for p in "${COMPONENT_PATHS[@]}"; do
            if [[ ! -e $p ]]; then
                backup_failed "$kind" "$component" "" "$p does not exist" 0
                return 1
            fi
        done
        set_producer_tar "" "${COMPONENT_PATHS[@]}"
        backup_one "$kind" "$component" system "$component" tar
        ;;
    app-data) backup_app_data "$kind" ;;
    esac
}

# app-data: a full archive starts a GNU tar --listed-incremental chain; incrementals extend it.
backup_app_data() {
    local kind=$1 dir="$BACKUP_DIR/application"
    local snar="$dir/.app-data.snar" chain="$dir/.app-data.chain"
    local work_snar="$dir/.app-data.snar.$$.tmp" prefix=app-data
    [[ -d $dir ]] || mkdir -p -- "$dir" || return 1
    TEMP_FILES+=("$work_snar")
    [[ -e $work_snar ]] && rm -f -- "$work_snar"
    if [[ $kind == incremental ]]; then
        if [[ -s $snar && -s $chain ]]; then
            cp -- "$snar" "$work_snar" || return 1
            read -r BACKUP_BASE <"$chain"
            prefix="app-data-incremental"
        else
            say "app-data: no full archive to build on yet; making a full one"
        fi
    fi
    local archive_kind=$kind
    [[ $prefix == app-data && $kind == incremental ]] && archive_kind=full
    local p
    for p in "${COMPONENT_PATHS[@]}"; do
        if [[ ! -e $p ]]; then
            backup_failed "$archive_kind" app-data "" "$p does not exist (APP_DATA_PATHS)" 0
            return 1
        fi
    done
    set_producer_tar "$work_snar" "${COMPONENT_PATHS[@]}"
    if backup_one "$archive_kind" app-data application "$prefix" tar; then
        mv -f -- "$work_snar" "$snar"
        [[ $prefix == app-data ]] && printf '%s\n' "$LAST_BACKUP_FILE" >"$chain"
        return 0
    fi
    rm -f -- "$work_snar"
    return 1
}

components_of_kind() {
    case $1 in
    full) REPLY=$ALL_COMPONENTS ;;
    incremental) REPLY="app-data" ;;
    critical) REPLY="postgres sqlite redis" ;;
    config) REPLY="config" ;;
    *) return 1 ;;
    esac
}

cmd_backup() {
    local kind=full only="" arg
    while (($#)); do
        arg=$1
        case $arg in
        full | incremental | critical | config) kind=$arg ;;
        --component | --only)
            (($# > 1)) || die_usage "backup: $arg needs a component name" backup
            only=$2
            shift
            ;;
        --component=* | --only=*) only=${arg#*=} ;;
        *) die_usage "backup: unknown argument \"$arg\" (expected full, incremental, critical or config)" backup ;;
        esac
        shift
    done
    components_of_kind "$kind"
    local -a components
    read -r -a components <<<"$REPLY"
    if [[ -n $only ]]; then
        local -a chosen=()
        local c
        for c in ${only//,/ }; do
            [[ " $ALL_COMPONENTS " == *" $c "* ]] || die_usage "backup: unknown component \"$c\" (known: $ALL_COMPONENTS)" backup
            [[ " ${components[*]} " == *" $c "* ]] || die_usage "backup $kind does not include component \"$c\"" backup
            chosen+=("$c")
        done
        components=("${chosen[@]}")
    fi
    is_true "$BACKUP_ENCRYPTION" && check_encryption_key
    now_epoch
    local_stamp "$REPLY"
    RUN_STAMP=$REPLY
    say "backup $kind started at $RUN_STAMP (host $HOSTNAME, $BACKUP_DIR)"
    local component copied=()
    for component in "${components[@]}"; do
        if backup_component "$kind" "$component" && [[ -n $LAST_BACKUP_FILE ]]; then
            copied+=("$LAST_BACKUP_FILE")
        fi
    done
    if is_true "$BACKUP_REMOTE_ENABLED"; then
        local file
        for file in "${copied[@]}"; do remote_copy "$file"; done
    fi
    finish_run "backup $kind"
}

# Ends a run: exit 1 and a failure notification when anything failed.
finish_run() {
    if ((${#FAILURES[@]})); then
        local IFS=$'\n'
        notify failure "$1 failed on $HOSTNAME" "${FAILURES[*]}"
        say "##result status=failed"
        printf '%s: %s failed: %d problem(s)\n' "$TOOL_NAME" "$1" "${#FAILURES[@]}" >&2
        exit 1
    fi
    notify success "$1 succeeded on $HOSTNAME" "$1 succeeded"
    say "##result status=succeeded"
    exit 0
}

# ----------------------------------------------------------------------------------------------------------
# Remote copies (BACKUP_REMOTE_*): rsync over SSH, S3 (aws), GCS (gsutil)

remote_type() {
    REPLY=${BACKUP_REMOTE_TYPE:-}
    if [[ -z $REPLY ]]; then
        if [[ -n ${BACKUP_RSYNC_DESTINATION:-} ]]; then REPLY=rsync
        elif [[ -n ${BACKUP_S3_BUCKET:-} ]]; then REPLY=s3
        elif [[ -n ${BACKUP_GCS_BUCKET:-} ]]; then REPLY=gcs
        fi
    fi
}

remote_copy() {
    local file=$1 destination="" err rc=0
    remote_type
    local type=$REPLY
    local relative=${file#"$BACKUP_DIR"/}
    err=$(mktemp) || return 1
    TEMP_FILES+=("$err")
    say "##step remote-copy"
    case $type in
    rsync)
        if [[ -z ${BACKUP_RSYNC_DESTINATION:-} ]]; then
            echo "BACKUP_RSYNC_DESTINATION is not set" >"$err"
            rc=2
        else
            destination="rsync:$BACKUP_RSYNC_DESTINATION"
            # --relative keeps database/... below the destination; ssh runs in batch mode (no prompt).
            rsync -a --relative --partial -e "${BACKUP_RSYNC_SSH:-ssh -o BatchMode=yes}" \
                -- "$BACKUP_DIR/./$relative" "$BACKUP_DIR/./$relative.sha256" "${BACKUP_RSYNC_DESTINATION%/}/" 2>"$err"
            rc=$?
        fi
        ;;
    s3)
        local prefix=${BACKUP_S3_PREFIX:-}
        destination="s3://${BACKUP_S3_BUCKET:-}${prefix:+/$prefix}"
        if [[ -z ${BACKUP_S3_BUCKET:-} ]]; then
            echo "BACKUP_S3_BUCKET is not set" >"$err"
            rc=2
        elif ! command -v aws >/dev/null; then
            echo "the aws command is not installed" >"$err"
            rc=127
        else
            local -a region=()
            [[ -n ${BACKUP_S3_REGION:-} ]] && region=(--region "$BACKUP_S3_REGION")
            aws s3 cp --only-show-errors "${region[@]}" -- "$file" "$destination/$relative" 2>"$err" &&
                aws s3 cp --only-show-errors "${region[@]}" -- "$file.sha256" "$destination/$relative.sha256" 2>>"$err"
            rc=$?
        fi
        ;;
    gcs)
        destination="gs://${BACKUP_GCS_BUCKET:-}"
        if [[ -z ${BACKUP_GCS_BUCKET:-} ]]; then
            echo "BACKUP_GCS_BUCKET is not set" >"$err"
            rc=2
        elif ! command -v gsutil >/dev/null; then
            echo "the gsutil command is not installed" >"$err"
            rc=127
        else
            gsutil -q cp -- "$file" "$file.sha256" "$destination/${relative%/*}/" 2>"$err"
            rc=$?
        fi
        ;;
    *)
        echo "BACKUP_REMOTE_TYPE \"$type\" is not rsync, s3 or gcs" >"$err"
        rc=2
        ;;
    esac
    if ((rc == 0)); then
        catalog_event remote_copy file="$file" destination="$destination" result=ok
        say "remote copy: $file -> $destination"
        rm -f -- "$err"
        return 0
    fi
    one_line_from_file "$err" "exit code $rc"
    catalog_event remote_copy file="$file" destination="${destination:-$type}" result=failed error="$REPLY"
    FAILURES+=("remote copy of $file to ${destination:-$type}: $REPLY")
    printf 'remote copy of %s FAILED: %s\n' "$file" "$REPLY" >&2
    rm -f -- "$err"
    return 1
}

cmd_copy_remote() {
    (($# <= 1)) || die_usage "copy-remote takes at most one FILE" copy-remote
    is_true "$BACKUP_REMOTE_ENABLED" || die_config "copy-remote needs BACKUP_REMOTE_ENABLED=true"
    local -a files=()
    if (($#)); then
        [[ -f $1 ]] || die_usage "copy-remote: no such file: $1" copy-remote
        catalog_path "$1"
        files=("$REPLY")
    else
        newest_per_component
        files=("${NEWEST_FILES[@]}")
    fi
    local f
    for f in "${files[@]}"; do remote_copy "$f"; done
    finish_run "copy-remote"
}

# ----------------------------------------------------------------------------------------------------------
# Notifications (BACKUP_NOTIFY_*): webhook by curl, e-mail by sendmail. Failures are warned, never fatal.

notify() { # LEVEL(success|failure) SUBJECT BODY
    local level=$1 subject=$2 body=$3
    if [[ $level == failure ]]; then is_true "$BACKUP_NOTIFY_FAILURE" || return 0; else is_true "$BACKUP_NOTIFY_SUCCESS" || return 0; fi
    if [[ -n ${BACKUP_NOTIFY_WEBHOOK:-} ]]; then
        iso_now
        json_object text="$subject: $body" subject="$subject" level="$level" host="$HOSTNAME" tool="$TOOL_NAME" time="$REPLY"
        if command -v curl >/dev/null; then
            curl -fsS -m 15 -X POST -H 'Content-Type: application/json' --data-binary @- -- "$BACKUP_NOTIFY_WEBHOOK" \
                <<<"$REPLY" >/dev/null || warn "webhook notification to $BACKUP_NOTIFY_WEBHOOK failed"
        else
            warn "BACKUP_NOTIFY_WEBHOOK is set but curl is not installed"
        fi
    fi
    if [[ -n ${BACKUP_NOTIFY_EMAIL:-} ]]; then
        local sendmail
        sendmail=$(command -v sendmail || { [[ -x /usr/sbin/sendmail ]] && echo /usr/sbin/sendmail; }) || true
        if [[ -n $sendmail ]]; then
            printf 'To: %s\nSubject: [backup] %s\n\n%s\n' "$BACKUP_NOTIFY_EMAIL" "$subject" "$body" |
                "$sendmail" -t || warn "e-mail notification to $BACKUP_NOTIFY_EMAIL failed"
        else
            warn "BACKUP_NOTIFY_EMAIL is set but sendmail is not installed"
        fi
    fi
    return 0
}

# ----------------------------------------------------------------------------------------------------------
# Verification
#
# Proof levels, each including the ones before it: none, exists (a non-empty file), checksum (SHA-256 matches the
# sidecar), read-through (decrypted, decompressed, the whole stream or archive read), integrity (SQLite
# integrity_check; pg_dump header and completion footer), deep (--deep: restored into a throwaway PostgreSQL
# database, SQLite tables counted, tar archive extracted). V_LEVEL is the highest level that passed, also on a
# failure: what held before the fault. Without a sidecar the checksum level is passed over.

# verify_file FILE [TYPE] -> V_RESULT (passed|failed|error) V_REASON V_METHOD V_LEVEL V_SHA256 V_SIZE V_ENTRIES
#   V_TABLES V_ROWS V_FILES V_BYTES V_COMPONENT V_DURATION V_PLAIN_SIZE; records a verify event. V_DEEP set: the
#   deep checks too. Returns 0 when it passed.
verify_file() {
    local file=$1 type=${2:-}
    clock_ms
    local started=$REPLY
    catalog_path "$file"
    file=$REPLY
    V_RESULT=passed V_REASON="" V_ENTRIES="" V_COMPONENT="" V_PLAIN_SIZE="" V_LEVEL=none V_SHA256="" V_SIZE="" V_MTIME=""
    V_TABLES="" V_ROWS="" V_FILES="" V_BYTES="" V_DEEP_METHOD="" V_RDB_CHECKED="" V_MAGIC_FAILED=""
    local -a method=()
    local format="" checksum_ok="" catalog_mismatch=""
    if parse_backup_name "$file"; then
        V_COMPONENT=$NAME_COMPONENT
        format=$NAME_FORMAT
    else
        local base=${file##*/}
        base=${base%.enc}
        base=${base%.gz}
        format=${base##*.}
    fi
    if [[ -z $type ]]; then
        type_of_format "$format"
        type=$REPLY
    fi
    [[ -n $V_COMPONENT ]] || V_COMPONENT=$type
    if [[ -e $file && ! -f $file ]]; then
        # A folder or a FIFO where a backup should be is no restorable backup (as on the workstation).
        V_RESULT=failed V_REASON="not a regular file: $file"
    elif [[ ! -f $file || ! -r $file ]]; then
        V_RESULT=error V_REASON="no such readable file: $file"
    elif ! read -r V_SIZE V_MTIME < <(stat -c '%s %Y' -- "$file") ||
        ! read -r V_SHA256 _ < <(sha256sum -- "$file" 2>/dev/null) ||
        ! V_SHA256=${V_SHA256#\\} || [[ ! $V_SHA256 =~ ^[0-9a-f]{64}$ ]]; then
        V_RESULT=error V_REASON="cannot read $file" V_SHA256=""
    elif ((V_SIZE == 0)); then
        V_RESULT=failed V_REASON="the file is empty (0 bytes)"
    else
        V_LEVEL=exists
        if [[ -f $file.sha256 ]]; then
            method+=(sha256)
            if ! sidecar_checksum "$file"; then
                V_RESULT=failed V_REASON=$REPLY
            elif [[ $REPLY != "$V_SHA256" ]]; then
                V_RESULT=failed V_REASON="checksum mismatch: $file has SHA-256 $V_SHA256, its sidecar says $REPLY"
            else
                V_LEVEL=checksum checksum_ok=1
            fi
        fi
        # What the catalog recorded when the backup was made outranks a sidecar written since (as on the
        # workstation): a file replaced together with its sidecar is not the backup that was made. The content is
        # still checked, to say what else is wrong.
        if [[ $V_RESULT == passed ]] && catalog_checksum "$file"; then
            if [[ $REPLY != "$V_SHA256" ]]; then
                catalog_mismatch="checksum mismatch: $file has SHA-256 $V_SHA256, the catalog recorded $REPLY when it was made"
            else
                [[ -n $checksum_ok ]] || method+=(sha256)
                V_LEVEL=checksum checksum_ok=1
            fi
        fi
        if [[ $V_RESULT != passed ]]; then
            :
        elif [[ -z $type ]]; then
            V_RESULT=error V_REASON="cannot tell what $file holds; name a type: postgres, sqlite, tar or redis"
        elif [[ $file == *.enc ]] && ! have_key; then
            V_RESULT=error V_REASON="$file is encrypted and no key is configured (BACKUP_ENCRYPTION_KEY or BACKUP_ENCRYPTION_KEY_FILE)"
        else
            [[ $file == *.enc ]] && method+=(openssl)
            [[ $file == *.gz || $file == *.gz.enc ]] && method+=(gzip)
            case $type in
            postgres)
                local magic=""
                magic=$(decode_stream "$file" 2>/dev/null | head -c 5)
                if [[ $magic == PGDMP ]]; then
                    # pg_dump's custom format (-Fc): read back whole by pg_restore, restored by it with --deep.
                    verify_pg_custom "$file"
                    method+=(pg-custom pg-restore)
                else
                    verify_postgres "$file"
                    method+=(pg-dump-header-footer)
                    [[ $V_RESULT == passed && -n $V_DEEP ]] && verify_deep_postgres "$file"
                fi
                ;;
            sqlite)
                verify_sqlite "$file"
                method+=(sqlite-integrity)
                ;;
            tar)
                verify_tar "$file"
                method+=(tar-list)
                ;;
            redis)
                verify_redis "$file"
                method+=(rdb-header)
                [[ -n $V_RDB_CHECKED ]] && method+=(redis-check-rdb)
                ;;
            *) V_RESULT=error V_REASON="unknown type \"$type\" (postgres, sqlite, tar or redis)" ;;
            esac
            [[ -n $V_DEEP_METHOD ]] && method+=("$V_DEEP_METHOD")
            # Decrypted without gzip inside, a wrong key gives noise with a right padding once in 256 keys: when
            # that noise is not what the file must hold, the key is the likely fault, not the backup.
            if [[ -n $V_MAGIC_FAILED && $file == *.enc && $file != *.gz.enc && $V_RESULT == failed ]]; then
                V_RESULT=error V_REASON="wrong key or not encrypted with this key ($V_REASON after decryption)"
                [[ -n $checksum_ok ]] && V_REASON+="; the file itself is intact (its SHA-256 matches its sidecar)"
            fi
        fi
    fi
    if [[ -n $catalog_mismatch ]]; then
        [[ $V_RESULT == passed ]] && V_REASON=$catalog_mismatch || V_REASON="$catalog_mismatch; also: $V_REASON"
        V_RESULT=failed V_LEVEL=exists
    fi
    local IFS=+
    V_METHOD="${method[*]}"
    unset IFS
    clock_ms
    V_DURATION=$((REPLY - started))
    V_FILE=$file
    catalog_event verify file="$file" component="$V_COMPONENT" result="$V_RESULT" level="$V_LEVEL" \
        method="$V_METHOD" "reason?=$V_REASON" duration_ms:="$V_DURATION" entries:="$V_ENTRIES" "size#=$V_SIZE" \
        "mtime#=$V_MTIME" "sha256?=$V_SHA256" "tables#=$V_TABLES" "rows#=$V_ROWS" "files#=$V_FILES" \
        "bytes#=$V_BYTES" "job?=${BACKUP_JOB_ID:-}"
    [[ $V_RESULT == passed ]]
}

# Why decoding failed, in words, from the stderr of openssl/gzip.
decode_reason() { # ERRFILE FILE
    one_line_from_file "$1" "could not be read"
    case $REPLY in
    *"bad decrypt"* | *"wrong final block length"* | *"bad magic number"*)
        REPLY="decryption failed: wrong key or damaged file ($REPLY)"
        ;;
    *"unexpected end of file"*) REPLY="truncated: the compressed stream ends early ($REPLY)" ;;
    *"crc error"* | *"invalid compressed data"* | *"not in gzip format"* | *"length error"*)
        REPLY="damaged compressed data ($REPLY)"
        ;;
    esac
}

# sidecar_checksum FILE -> REPLY: the checksum FILE.sha256 gives for FILE, in sha256sum's format ("HEX  NAME" or
# "HEX *NAME"; a line starting with \ has \\ and \n escapes in its name, as sha256sum writes names with a
# backslash or a newline). The lines naming FILE (which must agree), else the only line; fails with the reason in
# REPLY.
sidecar_checksum() {
    local file=$1 base=${1##*/} line hex name only="" named="" valid=0
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%$'\r'}
        [[ $line =~ ^(\\?)([0-9a-fA-F]{64})\ [\ *](.+)$ ]] || continue
        hex=${BASH_REMATCH[2],,} name=${BASH_REMATCH[3]}
        if [[ -n ${BASH_REMATCH[1]} ]]; then
            name=${name//\\\\/$'\x01'}
            name=${name//\\n/$'\n'}
            name=${name//$'\x01'/\\}
        fi
        valid=$((valid + 1)) only=$hex
        if [[ ${name##*/} == "$base" ]]; then
            # sha256sum -c fails on either of two lines that disagree: so does this.
            if [[ -n $named && $named != "$hex" ]]; then
                REPLY="the sidecar $file.sha256 gives two different checksums for this file"
                return 1
            fi
            named=$hex
        fi
    done < <(head -c 65536 -- "$file.sha256") # a sidecar is a line or a few; never read a huge file whole
    if [[ -n $named ]]; then
        REPLY=$named
        return 0
    fi
    if ((valid == 1)); then
        REPLY=$only
        return 0
    fi
    if ((valid == 0)); then
        REPLY="the sidecar $file.sha256 is not in sha256sum format"
    else
        REPLY="the sidecar $file.sha256 has no line for this file"
    fi
    return 1
}

# catalog_checksum FILE -> REPLY: the SHA-256 the catalog recorded for FILE (catalog form) when it was made.
catalog_checksum() {
    [[ -f $CATALOG ]] || return 1
    json_str "$1"
    local line
    line=$(LC_ALL=C grep -F -e "\"file\":$REPLY," -e "\"file\":$REPLY}" -- "$CATALOG" |
        LC_ALL=C grep -F -e '"event":"backup_finished"' | tail -n 1)
    [[ $line =~ \"sha256\":\"([0-9a-f]{64})\" ]] || return 1
    REPLY=${BASH_REMATCH[1]}
}

# decode_failed ERRFILE FILE -> V_RESULT V_REASON for a stream that did not decode. A wrong key is no verdict
# on the backup (error, as on the workstation): openssl's "bad decrypt", or, inside a .gz.enc, gzip finding no
# gzip header in what openssl gave it. With the sidecar's checksum matched the file is known to be intact.
decode_failed() {
    decode_reason "$1" "$2"
    local file=$2
    # Inside a .gz.enc, gzip took what openssl gave it for a gzip stream: the key is right, and a last block that
    # does not decrypt is damage (as on the workstation).
    if [[ $file == *.gz.enc ]] && grep -q -e 'bad decrypt' -- "$1" &&
        ! grep -q -e 'not in gzip format' -e 'invalid compressed data' -e 'crc error' -- "$1"; then
        V_RESULT=failed
        V_REASON="damaged or cut short: its last encrypted block does not decrypt, though the key opened the data before it"
        return
    fi
    if [[ $file == *.enc ]] && grep -q -e 'bad decrypt' -- "$1" ||
        { [[ $file == *.gz.enc ]] && grep -q -e 'not in gzip format' -- "$1"; }; then
        V_RESULT=error V_REASON="wrong key or not encrypted with this key"
        [[ $V_LEVEL == checksum ]] && V_REASON+="; the file itself is intact (its SHA-256 matches its sidecar)"
        return
    fi
    V_RESULT=failed V_REASON=$REPLY
}

verify_postgres() {
    local file=$1 err verdict
    run_err_file
    err=$RUN_ERR
    # Header in the first lines; after the completion footer only blank lines, comments and \unrestrict.
    verdict=$(decode_stream "$file" 2>"$err" | LC_ALL=C awk '
        { sub(/\r$/, "") }
        NR <= 40 && /^-- PostgreSQL database dump$/ { header = 1 }
        { bytes += length($0) + 1 }
        /^-- PostgreSQL database dump complete$/ { footer = NR; after = 0; next }
        footer && !/^[[:space:]]*$/ && !/^--/ && !/^\\unrestrict / { after = 1 }
        END { printf "%d %d %d %d\n", header, footer, after, bytes }')
    local -a status=("${PIPESTATUS[@]}")
    local header footer after bytes
    read -r header footer after bytes <<<"$verdict"
    if ((status[0] != 0)); then
        decode_failed "$err" "$file"
        return
    fi
    V_LEVEL=read-through
    if ((header != 1)); then
        V_RESULT=failed V_MAGIC_FAILED=1 V_REASON="not a pg_dump plain-format dump: no \"-- PostgreSQL database dump\" header"
    elif ((footer == 0 || after != 0)); then
        V_RESULT=failed V_REASON="the dump is cut short: no \"-- PostgreSQL database dump complete\" footer at its end"
    else
        V_LEVEL=integrity
    fi
    V_PLAIN_SIZE=${bytes:-}
}

# The first line of psql's stderr that names a fault (else its first line) -> REPLY
psql_error_line() { # ERRFILE FALLBACK
    REPLY=""
    [[ -s $1 ]] && REPLY=$(grep -m 1 -E 'ERROR|FATAL|error|restricted|invalid command|wrong key' -- "$1")
    [[ -n $REPLY ]] || { [[ -s $1 ]] && IFS= read -r REPLY <"$1"; }
    REPLY=${REPLY//[[:cntrl:]]/ }
    [[ -n $REPLY ]] || REPLY=$2
}

# The throwaway database of a deep verification (DEEP_DATABASE) is dropped here, and by cleanup_temp at exit
# (also after a signal) when a verification did not get that far.
drop_deep_database() {
    [[ -n ${DEEP_DATABASE:-} ]] || return 0
    local name=$DEEP_DATABASE
    # WITH (FORCE) (PostgreSQL 13+) also ends a restore that an interruption left running.
    if "$PSQL" -X -q -w -d "$PGDATABASE" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" </dev/null >/dev/null 2>&1 ||
        "$PSQL" -X -q -w -d "$PGDATABASE" -c "DROP DATABASE IF EXISTS \"$name\"" </dev/null >/dev/null 2>&1; then
        DEEP_DATABASE=""
        return 0
    fi
    warn "cannot drop the throwaway database $name; drop it by hand (DROP DATABASE \"$name\")"
    DEEP_DATABASE=""
    return 1
}

# --deep for a pg_dump: restored into a throwaway database on the configured server, then every user table's rows
# counted exactly; the database is dropped whatever happens. This makes the database (DEEP_DATABASE) and a key
# nobody else knows (DEEP_KEY); false with V_RESULT and V_REASON set.
deep_create_database() {
    if ! component_state postgres; then
        V_RESULT=error
        V_REASON="--deep restores the dump into a throwaway database on the PostgreSQL server, and none is configured: PGDATABASE is not set (set it, and PGHOST/PGPORT/PGUSER as needed)"
        return 1
    fi
    V_DEEP_METHOD=deep-restore
    local suffix
    # A name of this run, and a key for \restrict (both from /dev/urandom).
    suffix=$(od -An -N20 -tx1 /dev/urandom) || suffix=""
    suffix=${suffix//[!0-9a-f]/}
    ((${#suffix} == 40)) || {
        V_RESULT=error V_REASON="cannot read /dev/urandom for --deep"
        return 1
    }
    DEEP_KEY=${suffix:8} suffix=${suffix:0:8}
    run_err_file
    DEEP_DATABASE="drconsole_verify_$$_$suffix"
    if ! "$PSQL" -X -q -w -v ON_ERROR_STOP=1 -d "$PGDATABASE" \
        -c "CREATE DATABASE \"$DEEP_DATABASE\" TEMPLATE template0" </dev/null >/dev/null 2>"$RUN_ERR"; then
        psql_error_line "$RUN_ERR" "psql could not create it"
        V_RESULT=error V_REASON="cannot create the throwaway database $DEEP_DATABASE for --deep: $REPLY"
        DEEP_DATABASE=""
        return 1
    fi
}

# Counts the rows of every user table of the restored DEEP_DATABASE (V_TABLES, V_ROWS, V_LEVEL=deep), then drops it.
deep_count_and_drop() {
    local err=$RUN_ERR counts
    # One count(*) per table in the non-system schemas (tables of extensions left out), run by \gexec.
    counts=$("$PSQL" -X -q -w -A -t -v ON_ERROR_STOP=1 -d "$DEEP_DATABASE" 2>"$err" <<'SQL'
SELECT format('SELECT count(*) FROM %I.%I', n.nspname, c.relname)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname \gexec
SQL
    )
    local rc=$?
    if ((rc != 0)); then
        psql_error_line "$err" "psql exit $rc"
        V_RESULT=failed V_REASON="the restored tables cannot be counted: $REPLY"
    else
        read -r V_TABLES V_ROWS < <(LC_ALL=C awk '/^[0-9]+$/ { n++; rows += $1 } END { printf "%d %d\n", n, rows }' <<<"$counts")
        V_LEVEL=deep
    fi
    drop_deep_database
}

# deep_wait_client PID: waits for the restore client (psql, pg_restore) started in the background, so that SIGINT and
# SIGTERM reach the trap at once (cleanup_temp stops the client and drops the database) rather than after it ended.
# REPLY: its exit status.
deep_wait_client() {
    DEEP_CLIENT=$1
    wait "$DEEP_CLIENT"
    REPLY=$?
    DEEP_CLIENT=""
}

# deep_finish CLIENT ERRFILE, after deep_wait_client (REPLY: the client's exit status): the counts of the restored
# database, or the verdict on a restore that failed (false; REPLY: the client's first error line). The database is
# dropped either way.
deep_finish() {
    if ((REPLY != 0)); then
        deep_restore_failed "$REPLY" "$1" "$2"
        drop_deep_database
        return 1
    fi
    deep_count_and_drop
    return 0
}

# deep_restore_failed STATUS CLIENT ERRFILE: V_RESULT and V_REASON for a restore client that did not succeed. Killed,
# or stopped by the server or a lost connection, it gave no verdict on the dump (error), as on the workstation. With
# a server message (after the first ERROR:/FATAL:) that is judged on how it begins (a value or a name quoted further
# on is the dump's); without one, on the client's own words outside quotes.
deep_restore_failed() {
    local code=$1 client=$2 line message environment=""
    psql_error_line "$3" "$client exit $code"
    line=$REPLY
    if ((code > 128)); then
        V_RESULT=error V_REASON="$client was killed or crashed during the deep restore; no verdict on the dump ($line)"
        return
    fi
    local before_error=${line%%ERROR:*} before_fatal=${line%%FATAL:*}
    local first=$((${#before_error} < ${#before_fatal} ? ${#before_error} : ${#before_fatal}))
    if ((first < ${#line})); then
        message=${line:first+6}
        message=${message#"${message%%[![:space:]]*}"}
        case $message in
        'role "'* | 'extension "'* | 'could not open extension control file'* | 'permission denied'* | \
            'must be owner'* | 'must be superuser'* | 'out of memory'* | 'could not extend file'* | \
            'terminating connection'* | 'canceling statement'* | 'the database system is'*) environment=1 ;;
        esac
    else
        message=$line
        while [[ $message =~ \"[^\"]*\" ]]; do message=${message/"${BASH_REMATCH[0]}"/}; done
        case $message in
        *'server closed the connection'* | *'could not connect'* | *'connection to server'* | \
            *'could not receive data from server'* | *'could not send data to server'* | *'SSL SYSCALL error'* | \
            *'terminated by user'* | *'No space left on device'*) environment=1 ;;
        esac
    fi
    if [[ -n $environment ]]; then
        V_RESULT=error V_REASON="the deep restore could not be judged: $line ($client)"
    else
        V_RESULT=failed V_REASON="the dump does not restore ($client, rolled back): $line"
    fi
}

# A plain dump: psql runs it with backslash commands blocked (\restrict with DEEP_KEY), so a dump cannot run shell
# commands or \connect elsewhere.
verify_deep_postgres() {
    local file=$1
    deep_create_database || return
    local err=$RUN_ERR
    # $!: psql, the last of the pipeline; stopped, it takes the rest of the pipeline down with it.
    deep_dump_for_psql "$file" | PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" \
        "$PSQL" -X -q -w -v ON_ERROR_STOP=1 --single-transaction -d "$DEEP_DATABASE" >/dev/null 2>"$err" &
    deep_wait_client $!
    deep_finish psql "$err" && return
    # REPLY: psql's first error line (deep_restore_failed read it).
    if [[ $REPLY == *'invalid command \restrict'* ]]; then
        V_RESULT=error
        V_REASON="$PSQL cannot block backslash commands (\\restrict needs psql 13.22, 14.19, 15.14, 16.10, 17.6 or later); --deep does not run a dump without that: $REPLY"
    fi
}

# deep_dump_for_psql FILE: the plain dump as psql gets it. The dump's own \restrict and \unrestrict lines (pg_dump
# 17.6, 16.10, 15.14 and later) give way to ours; COPY data is passed as it is.
deep_dump_for_psql() {
    printf '\\restrict %s\n' "$DEEP_KEY"
    decode_stream "$1" 2>/dev/null | LC_ALL=C awk '
        copy { if ($0 == "\\.") copy = 0; print; next }
        /^COPY .* FROM stdin;$/ { copy = 1; print; next }
        /^\\(un)?restrict [A-Za-z0-9]+$/ { next }
        { print }'
}

# A custom-format dump (decoded at PATH): pg_restore sends its SQL to the server itself, with no psql backslash
# commands; owners and privileges name production roles a throwaway database does not have.
verify_deep_pg_custom() {
    local path=$1
    deep_create_database || return
    PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PG_RESTORE" --no-owner --no-privileges \
        --single-transaction --exit-on-error -d "$DEEP_DATABASE" -- "$path" </dev/null >/dev/null 2>"$RUN_ERR" &
    deep_wait_client $!
    deep_finish pg_restore "$RUN_ERR" || V_REASON=${V_REASON//"$path"/the dump}
}

# decode_to_copy FILE COPY: the decoded stream into a private copy, stopping while BACKUP_VERIFY_KEEP_FREE_MB
# (default 256) are still free in the copy's folder: a small compressed file can unpack to far more than the disk
# holds. Fails with V_RESULT and V_REASON set (error when space ran out, as decode_failed says otherwise).
decode_to_copy() {
    local file=$1 copy=$2 keep_mb=${BACKUP_VERIFY_KEEP_FREE_MB:-256} limit size
    [[ $keep_mb =~ ^[0-9]+$ ]] || keep_mb=256
    disk_space "$copy"
    limit=$((FREE_BYTES - keep_mb * 1048576))
    if ((limit > 0)); then
        decode_stream "$file" 2>"$RUN_ERR" | head -c "$limit" >"$copy"
        local -a status=("${PIPESTATUS[@]}")
        size=$(stat -c %s -- "$copy" 2>/dev/null || echo 0)
    fi
    if ((limit <= 0 || size >= limit)); then
        : >"$copy"
        V_RESULT=error V_REASON="not enough free space in ${copy%/*} for the decoded copy ($((FREE_BYTES / 1000000)) MB free, $keep_mb MB kept free): set TMPDIR to a folder with room for the unpacked backup"
        return 1
    fi
    if ((status[0] != 0)); then
        decode_failed "$RUN_ERR" "$file"
        return 1
    fi
}

# A custom-format dump: pg_restore reads its table of contents and every data block into /dev/null (from a private
# decoded copy when it is compressed or encrypted). A dump newer than this pg_restore is no verdict.
verify_pg_custom() {
    local file=$1 path=$1 answer
    run_err_file
    if [[ $file == *.gz || $file == *.enc ]]; then
        path="$RUN_ERR.dump"
        TEMP_FILES+=("$path")
        if ! decode_to_copy "$file" "$path"; then
            : >"$path"
            return
        fi
    fi
    V_LEVEL=read-through
    if ! command -v -- "$PG_RESTORE" >/dev/null 2>&1; then
        V_RESULT=error V_REASON="$PG_RESTORE is not installed: a custom-format dump is checked by reading it back (PG_RESTORE)"
    elif ! answer=$("$PG_RESTORE" --file=/dev/null -- "$path" 2>&1 </dev/null); then
        answer=${answer%%$'\n'*}
        answer=${answer//"$path"/the dump}
        if [[ $answer =~ unsupported\ version\ \(1\.[0-9]+\) ]]; then
            V_RESULT=error V_REASON="this pg_restore is older than the pg_dump that made the dump: $answer"
        else
            V_RESULT=failed V_REASON="the custom-format dump does not read back: ${answer:-pg_restore failed}"
        fi
    else
        V_LEVEL=integrity
        [[ -n $V_DEEP ]] && verify_deep_pg_custom "$path"
    fi
    [[ $path != "$file" ]] && : >"$path"
    return 0
}

verify_sqlite() {
    local file=$1 copy
    run_err_file
    copy="$RUN_ERR.sqlite"
    TEMP_FILES+=("$copy")
    if decode_to_copy "$file" "$copy"; then
        V_LEVEL=read-through
        local magic=""
        IFS= read -r -N 15 magic <"$copy"
        [[ $magic == "SQLite format 3" ]] && V_PLAIN_SIZE=$(stat -c %s -- "$copy")
        if [[ $magic != "SQLite format 3" ]]; then
            V_RESULT=failed V_MAGIC_FAILED=1 V_REASON="not an SQLite database (no \"SQLite format 3\" header)"
        else
            local answer
            answer=$(sqlite3 -readonly -bail "$copy" 'PRAGMA integrity_check;' 2>&1 </dev/null)
            if [[ $answer != ok ]]; then
                answer=${answer//$'\n'/; }
                V_RESULT=failed V_REASON="PRAGMA integrity_check: ${answer:0:300}"
            else
                V_LEVEL=integrity
                sqlite_size_anomaly "$file" "$copy"
                [[ -n $V_DEEP ]] && verify_deep_sqlite "$copy"
            fi
        fi
    fi
    # sqlite3 opens a WAL-mode copy (what .backup of a WAL database makes) with -wal and -shm files beside it.
    : >"$copy"
    rm -f -- "$copy-wal" "$copy-shm" "$copy-journal"
}

# sqlite_size_anomaly FILE COPY: warns of what integrity_check does not look at: bytes after the pages SQLite counts
# (it ignores them, so something was appended to the database), as the console's verifier does.
sqlite_size_anomaly() {
    local file=$1 copy=$2 page_size="" page_count="" size
    { read -r page_size && read -r page_count; } < <(sqlite3 -readonly -batch "$copy" 'PRAGMA page_size; PRAGMA page_count;' 2>/dev/null </dev/null)
    [[ $page_size =~ ^[0-9]+$ && $page_count =~ ^[0-9]+$ ]] || return 0
    size=$(stat -c %s -- "$copy")
    if ((size > page_size * page_count)); then
        warn "$file: the database holds $((size - page_size * page_count)) bytes after the $page_count pages of $page_size bytes SQLite counts: SQLite ignores them, so something was appended to the database"
    fi
}

# --deep for SQLite: the user tables (not sqlite_*, not virtual) of the verified copy and their rows, counted.
verify_deep_sqlite() { # COPY
    V_DEEP_METHOD=deep-count
    local copy=$1 union answer
    if union=$(sqlite3 -readonly -bail "$copy" "SELECT group_concat('SELECT count(*) AS n FROM \"' || replace(name, '\"', '\"\"') || '\"', ' UNION ALL ') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%';" 2>&1 </dev/null); then
        answer="0 0"
        [[ -n $union ]] &&
            answer=$(sqlite3 -readonly -bail -separator ' ' "$copy" "SELECT count(*), coalesce(sum(n), 0) FROM ($union);" 2>&1 </dev/null)
    else
        answer=$union
    fi
    if [[ ! $answer =~ ^([0-9]+)\ ([0-9]+)$ ]]; then
        answer=${answer//$'\n'/; }
        V_RESULT=failed V_REASON="the tables cannot be counted: ${answer:0:300}"
        return
    fi
    V_TABLES=${BASH_REMATCH[1]} V_ROWS=${BASH_REMATCH[2]} V_LEVEL=deep
}

verify_tar() {
    local file=$1 err terr listing
    run_err_file
    err=$RUN_ERR terr="$RUN_ERR.tar"
    TEMP_FILES+=("$terr" "$terr.after")
    # tar stops at the end-of-archive blocks: the rest is drained, so that a damaged tail still fails decoding,
    # and its bytes that are not zero are counted: a zeroed header block reads as the end mark, and tar would
    # restore nothing behind it. The verbose listing gives the entries, the bytes of the regular files (for
    # --deep's space check) and the names that would land outside the restore folder (".." components; GNU
    # tar strips a leading / and says so on stderr). The statuses are taken inside the substitution: outside
    # it PIPESTATUS holds only the assignment's.
    listing=$(
        decode_stream "$file" 2>"$err" | {
            # Records of one block: tar reads no further than the end mark, so the drain sees all behind it.
            tar -b 1 --numeric-owner -tvf - 2>"$terr"
            rc=$?
            LC_ALL=C tr -d '\000' | wc -c >"$terr.after"
            exit "$rc"
        } | LC_ALL=C awk '
            # "MODE UID/GID SIZE DATE TIME NAME": numeric owners have no spaces; the name keeps its own.
            { n++; name = $0; sub(/^[^ ]+ [^ ]+ +[0-9,]+ [^ ]+ [^ ]+ /, "", name) }
            /^-/ { bytes += $3 }
            /^h/ { sub(/ link to .*$/, "", name) }
            /^l/ { sub(/ -> .*$/, "", name) }
            {
                # As tar resolves it: "a//l/./x" is "a/l/x".
                path = "/" name "/"
                while (gsub(/\/\.?\//, "/", path)) { }
                name = substr(path, 2, length(path) - 2)
                bad = name ~ /(^|\/)\.\.(\/|$)/
                # A member under a symbolic link of the archive is written wherever the link points.
                rest = name; prefix = ""
                while (!bad && (slash = index(rest, "/")) > 0) {
                    prefix = prefix substr(rest, 1, slash - 1); rest = substr(rest, slash + 1)
                    if (prefix in links) bad = 1
                    prefix = prefix "/"
                }
                if (bad) { unsafe++; if (first == "") first = name }
            }
            /^l/ { sub(/\/$/, "", name); links[name] = 1 }
            END { printf "%d %d %d %s\n", n, bytes, unsafe, first }'
        echo "${PIPESTATUS[0]} ${PIPESTATUS[1]}"
    )
    local count bytes unsafe first decoded listed after
    { read -r count bytes unsafe first && read -r decoded listed; } <<<"$listing"
    read -r after <"$terr.after" 2>/dev/null || after=0
    if ((decoded != 0)); then
        decode_failed "$err" "$file"
    elif ((listed != 0)); then
        one_line_from_file "$terr" "tar exit $listed"
        V_RESULT=failed V_MAGIC_FAILED=1 V_REASON="not a readable tar archive: $REPLY"
    elif grep -q -e 'Removing leading' -- "$terr" || ((unsafe > 0)); then
        V_ENTRIES=$count V_LEVEL=read-through
        if ((unsafe == 0)); then
            first="a member with an absolute path, or a hard link to one or to \"..\""
        fi
        V_RESULT=failed V_REASON="unsafe: archive members would be written outside the restore folder (absolute path, \"..\" or through a symbolic link): $first"
    elif ((after > 0)) || grep -q -e 'A lone zero block' -- "$terr"; then
        V_ENTRIES=$count
        V_RESULT=failed V_REASON="data after the tar archive's end mark (a lone zero block, or $after bytes that are not zero): a zeroed or damaged header block ended the archive after $count entries, and a restore would lose what follows"
    elif ((count == 0)); then
        V_RESULT=failed V_REASON="the archive is readable but holds no entries (an empty backup)"
    else
        V_ENTRIES=$count V_LEVEL=read-through
        [[ -n $V_DEEP ]] && verify_deep_tar "$file" "$bytes"
    fi
}

# --deep for tar: extracted into a private temporary folder (GNU tar strips leading / and refuses .. members;
# owners and modes of the archive are not applied), its regular files counted, the folder removed.
verify_deep_tar() { # FILE LISTED_BYTES
    local file=$1 listed=$2 dir err=$RUN_ERR terr="$RUN_ERR.tar"
    V_DEEP_METHOD=deep-extract
    if ! dir=$(mktemp -d "${TMPDIR:-/tmp}/drconsole-verify.XXXXXX"); then
        V_RESULT=error V_REASON="cannot create a temporary folder in ${TMPDIR:-/tmp} for --deep"
        return
    fi
    TEMP_DIRS+=("$dir")
    disk_space "$dir"
    if ((FREE_BYTES < listed)); then
        V_RESULT=error V_REASON="not enough free space in ${TMPDIR:-/tmp} for --deep: the archive holds $listed bytes, $FREE_BYTES are free (set TMPDIR)"
    else
        # The rest behind the end mark is drained: the decoder is not cut off by a broken pipe.
        decode_stream "$file" 2>"$err" | {
            tar -x -C "$dir" --no-same-owner --no-same-permissions -f - 2>"$terr"
            rc=$?
            cat >/dev/null
            exit "$rc"
        }
        local -a status=("${PIPESTATUS[@]}")
        if ((status[0] != 0)); then
            decode_failed "$err" "$file"
        elif ((status[1] != 0)); then
            # GNU tar's notes on the leading / and ../ it strips are no reason.
            sed -i -e '/Removing leading/d' -- "$terr"
            one_line_from_file "$terr" "tar exit ${status[1]}"
            V_RESULT=failed V_REASON="the archive does not extract: $REPLY"
        else
            read -r V_FILES V_BYTES < <(find "$dir" -type f -printf '%s\n' |
                LC_ALL=C awk '{ n++; bytes += $1 } END { printf "%d %d\n", n, bytes }')
            V_LEVEL=deep
        fi
    fi
    # Folders the archive made unwritable would keep their contents from rm.
    find "$dir" -type d ! -perm -u=rwx -exec chmod u+rwx -- {} + 2>/dev/null
    rm -rf -- "$dir"
}

verify_redis() {
    local file=$1 err magic
    run_err_file
    err=$RUN_ERR
    if command -v -- "$REDIS_CHECK_RDB" >/dev/null 2>&1; then
        verify_redis_checked "$file"
        return
    fi
    # Without redis-check-rdb: the header, and the whole stream must decode (gzip CRC, decryption padding).
    magic=$(decode_stream "$file" 2>"$err" | head -c 5)
    if [[ $magic != REDIS ]]; then
        if [[ -s $err ]]; then
            decode_failed "$err" "$file"
        else
            V_RESULT=failed V_MAGIC_FAILED=1 V_REASON="not a Redis RDB file (no REDIS header)"
        fi
    elif ! decode_stream "$file" 2>"$err" >/dev/null; then
        decode_failed "$err" "$file"
    else
        V_LEVEL=read-through
    fi
}

# redis-check-rdb (Redis's own checker) reads a file, not a stream: a private decoded copy, emptied after.
# It parses every key and checks the RDB's CRC64, which also catches a snapshot that was bad before it was
# compressed.
verify_redis_checked() {
    local file=$1 copy="$RUN_ERR.rdb" magic="" answer
    TEMP_FILES+=("$copy")
    if decode_to_copy "$file" "$copy"; then
        IFS= read -r -N 5 magic <"$copy"
        if [[ $magic != REDIS ]]; then
            V_RESULT=failed V_MAGIC_FAILED=1 V_REASON="not a Redis RDB file (no REDIS header)"
        else
            V_LEVEL=read-through V_RDB_CHECKED=1
            local rc=0
            answer=$("$REDIS_CHECK_RDB" "$copy" 2>&1 </dev/null) || rc=$?
            if ((rc != 0)) && [[ $answer == *"Can't handle RDB format version"* ]]; then
                V_RESULT=error V_REASON="this $REDIS_CHECK_RDB is older than the Redis that wrote the snapshot (${answer##*Can\'t handle RDB format version })"
                V_REASON=${V_REASON%%$'\n'*}
            elif ((rc != 0)); then
                # Its finding is the line after the marker, e.g. "[offset 39992] RDB CRC error".
                local finding
                finding=$(grep -A1 -m1 -F -e '--- RDB ERROR DETECTED ---' <<<"$answer" | sed -n 2p)
                V_RESULT=failed V_REASON="redis-check-rdb: ${finding:-${answer##*$'\n'}} (in the decompressed RDB)"
            elif [[ $(tail -c 8 -- "$copy" | LC_ALL=C tr -d '\000' | wc -c) == 0 ]]; then
                # "rdbchecksum no" writes a zero checksum, which redis-check-rdb skips: damage inside a value
                # cannot be seen, so this is no integrity proof.
                V_REASON="the snapshot has no checksum (written with rdbchecksum no): its keys parse, but damage inside a value cannot be seen"
            else
                V_LEVEL=integrity
            fi
        fi
    fi
    : >"$copy"
}

verify_json() {
    json_object file="$V_FILE" component="$V_COMPONENT" result="$V_RESULT" level="$V_LEVEL" method="$V_METHOD" \
        "reason?=$V_REASON" duration_ms:="$V_DURATION" entries:="$V_ENTRIES" "size#=$V_SIZE" "mtime#=$V_MTIME" \
        "sha256?=$V_SHA256" "tables#=$V_TABLES" "rows#=$V_ROWS" "files#=$V_FILES" "bytes#=$V_BYTES"
}
verify_text() {
    if [[ $V_RESULT == passed ]]; then
        say "PASSED $V_FILE ($V_METHOD, level $V_LEVEL${V_ENTRIES:+, $V_ENTRIES entries}${V_TABLES:+, $V_TABLES tables, $V_ROWS rows}${V_FILES:+, $V_FILES files, $V_BYTES bytes}, $V_DURATION ms)"
    else
        say "${V_RESULT^^} $V_FILE: $V_REASON (level $V_LEVEL)"
    fi
}

# NEWEST_FILES: the newest backup of each component (full and incremental app-data apart), oldest name first.
newest_per_component() {
    NEWEST_FILES=()
    local -A newest=() newest_stamp=()
    local size mtime path
    while IFS=$'\t' read -r size mtime path; do
        parse_backup_name "$path" || continue
        [[ $NAME_KIND == emergency ]] && continue
        if [[ -z ${newest_stamp[$NAME_PREFIX]:-} || ! $NAME_STAMP < ${newest_stamp[$NAME_PREFIX]} ]]; then
            newest_stamp[$NAME_PREFIX]=$NAME_STAMP
            newest[$NAME_PREFIX]=$path
        fi
    done < <(list_backup_files)
    local key
    for key in "${!newest[@]}"; do NEWEST_FILES+=("${newest[$key]}"); done
}

# A line on stderr every BACKUP_HEARTBEAT_SECONDS (default 15) while a long, silent step runs (reading a large
# archive prints nothing for minutes): the console then tells a quiet host from a dead connection in a minute.
HEARTBEAT_PID=""
start_heartbeat() {
    local what=$1 every=${BACKUP_HEARTBEAT_SECONDS:-15} parent=$$
    # At most every 30 s: the console gives up after a minute of silence.
    if [[ ! $every =~ ^[1-9][0-9]*$ ]] || ((every > 30)); then every=15; fi
    # Its sleep holds no pipe, and goes with the beat when it is stopped: nothing of it outlives the tool.
    (
        trap - EXIT INT
        sleeper=""
        trap '[[ -n $sleeper ]] && kill "$sleeper" 2>/dev/null; exit 0' TERM
        waited=0
        while :; do
            sleep "$every" >/dev/null 2>&1 &
            sleeper=$!
            wait "$sleeper" || exit 0
            sleeper=""
            kill -0 "$parent" 2>/dev/null || exit 0 # the tool was killed (kill -9, OOM): no beat for it
            waited=$((waited + every))
            printf '%s: %s: still working (%d s)\n' "$TOOL_NAME" "$what" "$waited" >&2
        done
    ) </dev/null >/dev/null &
    HEARTBEAT_PID=$!
}
stop_heartbeat() {
    [[ -n $HEARTBEAT_PID ]] || return 0
    kill "$HEARTBEAT_PID" 2>/dev/null
    wait "$HEARTBEAT_PID" 2>/dev/null
    HEARTBEAT_PID=""
    return 0
}

is_verify_type() { [[ $1 == postgres || $1 == sqlite || $1 == tar || $1 == redis ]]; }

cmd_verify() {
    local json="" type="" arg options=1
    local -a targets=()
    while (($#)); do
        arg=$1
        if [[ -n $options ]]; then
            case $arg in
            --json) json=1 ;;
            --deep) V_DEEP=1 ;;
            --type)
                (($# > 1)) || die_usage "verify: --type needs postgres, sqlite, tar or redis" verify
                type=$2
                shift
                ;;
            --type=*) type=${arg#*=} ;;
            --) options="" ;;
            -*) die_usage "verify: unknown option \"$arg\"" verify ;;
            *) targets+=("$arg") ;;
            esac
        else
            targets+=("$arg")
        fi
        shift
    done
    if [[ -n $type ]]; then
        is_verify_type "$type" || die_usage "verify: unknown type \"$type\" (postgres, sqlite, tar or redis)" verify
    elif ((${#targets[@]} == 2)); then
        # The old form FILE TYPE; a second word that is no file and looks like no path is a mistyped type.
        arg=${targets[1]}
        if is_verify_type "$arg"; then
            type=$arg
            targets=("${targets[0]}")
        elif [[ ! -e $arg && $arg != */* && $arg != *.* ]]; then
            die_usage "verify: unknown type \"$arg\" (postgres, sqlite, tar or redis)" verify
        fi
    fi
    ((${#targets[@]})) || die_usage "verify needs \"latest\" or one or more FILEs" verify
    if ((${#targets[@]} > 1)); then
        for arg in "${targets[@]}"; do
            [[ $arg != latest ]] || die_usage "verify: \"latest\" goes alone (name a file called latest as ./latest)" verify
        done
    fi
    local -a files=()
    local many=""
    if [[ ${targets[0]} == latest ]]; then
        [[ -z $type ]] || die_usage "verify: --type names the type of FILEs, not of \"latest\"" verify
        many=1
        newest_per_component
        if ((${#NEWEST_FILES[@]} == 0)); then
            printf '%s: verify latest: no backups found in %s\n' "$TOOL_NAME" "$BACKUP_DIR" >&2
            [[ -n $json ]] && say "[]"
            notify failure "verify latest failed on $HOSTNAME" "no backups found in $BACKUP_DIR"
            exit 1
        fi
        files=("${NEWEST_FILES[@]}")
    else
        files=("${targets[@]}")
        ((${#files[@]} > 1)) && many=1
    fi
    local rc=0 out="" file
    local -a failed=()
    start_heartbeat verify
    for file in "${files[@]}"; do
        verify_file "$file" "$type" || {
            rc=1
            failed+=("$V_FILE: $V_REASON")
        }
        if [[ -n $json ]]; then
            verify_json
            if [[ -n $many ]]; then out+="${out:+,}$REPLY"; else say "$REPLY"; fi
        else
            verify_text
        fi
    done
    [[ -n $json && -n $many ]] && say "[$out]"
    if ((rc)); then
        local IFS=$'\n'
        notify failure "verification failed on $HOSTNAME" "${failed[*]}"
    fi
    exit "$rc" # the beat ends at exit (cleanup_temp), so a slow mail server above stays covered
}

# ----------------------------------------------------------------------------------------------------------
# Catalog summaries (awk over catalog.jsonl; the tool writes it, so its field layout is known)

# Prints "event file component kind ts result size", separated by \037 (empty fields stay), per catalog line
# of interest.
catalog_rows() {
    [[ -f $CATALOG ]] || return 0
    LC_ALL=C awk '
        function field(name,    re) {
            re = "\"" name "\":\"[^\"]*\""
            if (match($0, re)) return substr($0, RSTART + length(name) + 4, RLENGTH - length(name) - 5)
            return ""
        }
        function number(name,    re) {
            re = "\"" name "\":[0-9]+"
            if (match($0, re)) return substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 3)
            return ""
        }
        /"event":"(backup_finished|backup_failed|verify|remote_copy)"/ {
            printf "%s\037%s\037%s\037%s\037%s\037%s\037%s\n", field("event"), field("file"), field("component"),
                field("kind"), field("ts"), field("result"), number("size")
        }' "$CATALOG"
}

cmd_list() {
    local json=""
    while (($#)); do
        case $1 in --json) json=1 ;; *) die_usage "list: unknown argument \"$1\"" list ;; esac
        shift
    done
    local -A managed_kind=() managed_time=() last_verify=()
    local event file component kind ts result size
    while IFS=$'\037' read -r event file component kind ts result size; do
        case $event in
        backup_finished)
            managed_kind[$file]=$kind
            managed_time[$file]=$ts
            ;;
        verify) last_verify[$file]=$result ;;
        esac
    done < <(catalog_rows)

    local -a paths=() sizes=() stamps=()
    local mtime path
    while IFS=$'\t' read -r size mtime path; do
        parse_backup_name "$path" || continue
        paths+=("$path")
        sizes+=("$size")
        stamps+=("${NAME_STAMP:0:4}-${NAME_STAMP:4:2}-${NAME_STAMP:6:2} ${NAME_STAMP:9:2}:${NAME_STAMP:11:2}:${NAME_STAMP:13:2}")
    done < <(list_backup_files)
    # Unmanaged files: the name's local time, converted in one date call.
    local -a name_times=()
    if ((${#stamps[@]})); then
        mapfile -t name_times < <(printf '%s\n' "${stamps[@]}" | date -u -f - +%Y-%m-%dT%H:%M:%SZ 2>/dev/null)
    fi
    local i out="" sha time managed encrypted
    if [[ -z $json ]]; then
        printf '%-20s  %-16s  %-11s  %12s  %-3s  %-7s  %s\n' TIME COMPONENT KIND SIZE ENC VERIFY PATH
    fi
    for i in "${!paths[@]}"; do
        path=${paths[$i]}
        parse_backup_name "$path"
        kind=${managed_kind[$path]:-$NAME_KIND}
        time=${managed_time[$path]:-${name_times[$i]:-}}
        if [[ -n ${managed_kind[$path]:-} ]]; then managed=true; else managed=false; fi
        if [[ $path == *.enc ]]; then encrypted=true; else encrypted=false; fi
        sha=null
        if [[ -f $path.sha256 ]]; then
            read -r sha _ <"$path.sha256"
            json_str "$sha"
            sha=$REPLY
        fi
        if [[ -n $json ]]; then
            json_object path="$path" component="$NAME_COMPONENT" kind="$kind" time="$time" size:="${sizes[$i]}" \
                encrypted:="$encrypted" managed:="$managed" sha256:="$sha" "verify?=${last_verify[$path]:-}"
            out+="${out:+,}$REPLY"
        else
            local enc_text=no
            [[ $encrypted == true ]] && enc_text=yes
            printf '%-20s  %-16s  %-11s  %12s  %-3s  %-7s  %s\n' "$time" "$NAME_COMPONENT" "$kind" "${sizes[$i]}" \
                "$enc_text" "${last_verify[$path]:--}" "$path"
        fi
    done
    [[ -n $json ]] && say "[$out]"
    exit 0
}

# ----------------------------------------------------------------------------------------------------------
# Retention

cmd_cleanup() {
    (($# == 0)) || die_usage "cleanup takes no arguments" cleanup
    now_epoch
    local now=$REPLY limit=$((BACKUP_RETENTION_DAYS * 86400))
    local -A last_verify=()
    local event file component kind ts result size
    while IFS=$'\037' read -r event file component kind ts result size; do
        [[ $event == verify ]] && last_verify[$file]=$result
    done < <(catalog_rows)

    # A backup's age is that of the time in its name (a damaged or copied file has a newer mtime), converted
    # from local time in one date call.
    local -a paths=() mtimes=() stamps=()
    local mtime path
    while IFS=$'\t' read -r size mtime path; do
        parse_backup_name "$path" || continue
        paths+=("$path")
        stamps+=("${NAME_STAMP:0:4}-${NAME_STAMP:4:2}-${NAME_STAMP:6:2} ${NAME_STAMP:9:2}:${NAME_STAMP:11:2}:${NAME_STAMP:13:2}")
    done < <(list_backup_files)
    if ((${#stamps[@]})); then
        mapfile -t mtimes < <(printf '%s\n' "${stamps[@]}" | date -f - +%s)
        ((${#mtimes[@]} == ${#paths[@]})) || die_config "cannot read the times in the backup names under $BACKUP_DIR"
    fi

    # Keep the newest good (not failed verification) backup of each component, and every app-data archive an
    # incremental that stays depends on (its chain back to the full archive).
    local -A keep=() newest_good=() newest_stamp=()
    local i
    for i in "${!paths[@]}"; do
        path=${paths[$i]}
        parse_backup_name "$path"
        [[ ${last_verify[$path]:-} == failed ]] && continue
        if [[ -z ${newest_stamp[$NAME_PREFIX]:-} || ! $NAME_STAMP < ${newest_stamp[$NAME_PREFIX]} ]]; then
            newest_stamp[$NAME_PREFIX]=$NAME_STAMP
            newest_good[$NAME_PREFIX]=$path
        fi
    done
    for path in "${newest_good[@]}"; do keep[$path]=1; done
    local -a chain=()
    # paths are sorted by path: app-data-2... sorts before app-data-incremental-2..., so walk by stamp instead.
    local -a app=()
    for i in "${!paths[@]}"; do
        parse_backup_name "${paths[$i]}"
        [[ $NAME_COMPONENT == app-data ]] && app+=("$NAME_STAMP $NAME_KIND $i")
    done
    local line stamp akind idx
    while read -r stamp akind idx; do
        [[ -n $stamp ]] || continue
        if [[ $akind == full ]]; then
            chain=("$idx")
            continue
        fi
        chain+=("$idx")
        path=${paths[$idx]}
        if [[ -n ${keep[$path]:-} ]] || ((now - mtimes[idx] <= limit)); then
            for line in "${chain[@]}"; do keep[${paths[$line]}]=1; done
        fi
    done < <(printf '%s\n' "${app[@]}" | LC_ALL=C sort)

    local removed=0 kept=0 age
    say "##step cleanup"
    for i in "${!paths[@]}"; do
        path=${paths[$i]}
        age=$((now - mtimes[i]))
        if ((age <= limit)) || [[ -n ${keep[$path]:-} ]]; then
            kept=$((kept + 1))
            continue
        fi
        parse_backup_name "$path"
        if rm -f -- "$path" "$path.sha256"; then
            catalog_event cleanup_removed file="$path" component="$NAME_COMPONENT" age_days:="$((age / 86400))"
            say "removed $path ($((age / 86400)) days old)"
            removed=$((removed + 1))
        else
            FAILURES+=("cannot remove $path")
        fi
    done
    say "cleanup: removed $removed, kept $kept (retention $BACKUP_RETENTION_DAYS days)"
    say "##result removed=$removed"
    finish_run cleanup
}

# ----------------------------------------------------------------------------------------------------------
# Service control and health

run_service_command() { # LABEL COMMAND
    if [[ -z $2 ]]; then
        say "$1: no command configured, skipped"
        return 0
    fi
    say "$1: $2"
    bash -c "$2" </dev/null
}

# SERVICE_STATE: up, down or unknown (HEALTH_CHECK_COMMAND not configured)
service_state() {
    if [[ -z $HEALTH_CHECK_COMMAND ]]; then
        SERVICE_STATE=unknown
    elif timeout "${HEALTH_CHECK_TIMEOUT:-30}" bash -c "$HEALTH_CHECK_COMMAND" </dev/null >/dev/null 2>&1; then
        SERVICE_STATE=up
    else
        SERVICE_STATE=down
    fi
}

# FREE_BYTES and TOTAL_BYTES of the file system holding $1 (or its nearest existing parent).
disk_space() {
    local p=$1
    while [[ ! -e $p && $p == */* ]]; do p=${p%/*}; done
    [[ -e $p ]] || p=.
    local line
    line=$(df -P -B1 -- "$p" 2>/dev/null | tail -n 1)
    local -a f
    read -r -a f <<<"$line"
    TOTAL_BYTES=${f[1]:-0}
    FREE_BYTES=${f[3]:-0}
}

tool_version() { # NAME COMMAND... -> REPLY (first version-like word of its output, or empty)
    local name=$1
    shift
    REPLY=""
    command -v "$name" >/dev/null 2>&1 || return 0
    local out
    out=$("$@" 2>&1 </dev/null | head -n 1)
    [[ $out =~ ([0-9]+\.[0-9]+(\.[0-9]+)?[a-z0-9]*) ]] && REPLY=${BASH_REMATCH[1]}
}

cmd_status() {
    local json=""
    while (($#)); do
        case $1 in --json) json=1 ;; *) die_usage "status: unknown argument \"$1\"" status ;; esac
        shift
    done
    local -A last_ok=() last_fail=()
    local event file component kind ts result size
    while IFS=$'\037' read -r event file component kind ts result size; do
        case $event in
        backup_finished) last_ok[$component]="$ts"$'\t'"$file"$'\t'"$kind"$'\t'"$size" ;;
        backup_failed) last_fail[$component]="$ts"$'\t'"$file"$'\t'"$kind" ;;
        esac
    done < <(catalog_rows)
    disk_space "$BACKUP_DIR"
    service_state
    local versions="" name
    for name in bash tar gzip openssl sqlite3 pg_dump psql rsync redis-cli; do
        case $name in
        bash) REPLY=${BASH_VERSION%%(*} ;;
        openssl) tool_version openssl openssl version ;;
        sqlite3) tool_version sqlite3 sqlite3 -version ;;
        pg_dump) tool_version "$PG_DUMP" "$PG_DUMP" --version ;;
        psql) tool_version "$PSQL" "$PSQL" --version ;;
        *) tool_version "$name" "$name" --version ;;
        esac
        local v=$REPLY
        json_str "$name"
        local key=$REPLY
        if [[ -n $v ]]; then json_str "$v"; else REPLY=null; fi
        versions+="${versions:+,}$key:$REPLY"
    done
    local components_json="" configured t f k s
    for component in $ALL_COMPONENTS; do
        if component_state "$component"; then configured=true; else configured=false; fi
        local ok=null failure=null
        if [[ -n ${last_ok[$component]:-} ]]; then
            IFS=$'\t' read -r t f k s <<<"${last_ok[$component]}"
            json_object time="$t" file="$f" kind="$k" size:="$s"
            ok=$REPLY
        fi
        if [[ -n ${last_fail[$component]:-} ]]; then
            IFS=$'\t' read -r t f k <<<"${last_fail[$component]}"
            json_object time="$t" "file?=$f" kind="$k"
            failure=$REPLY
        fi
        json_object configured:="$configured" "reason?=$SKIP_REASON" last_backup:="$ok" last_failure:="$failure"
        components_json+="${components_json:+,}\"$component\":$REPLY"
    done
    iso_now
    local now_iso=$REPLY
    if [[ -n $json ]]; then
        json_object tool="$TOOL_NAME" version="$TOOL_VERSION" protocol:="$PROTOCOL_VERSION" host="$HOSTNAME" \
            time="$now_iso" backup_dir="$BACKUP_DIR" "config_file?=${CONFIG_FILE_USED:-}" versions:="{$versions}" \
            disk:="{\"path\":\"${BACKUP_DIR//\"/\\\"}\",\"total_bytes\":$TOTAL_BYTES,\"free_bytes\":$FREE_BYTES}" \
            components:="{$components_json}" service:="{\"state\":\"$SERVICE_STATE\"}"
        say "$REPLY"
    else
        say "$TOOL_NAME $TOOL_VERSION on $HOSTNAME at $now_iso"
        say "backup dir: $BACKUP_DIR (free $((FREE_BYTES / 1048576)) MiB of $((TOTAL_BYTES / 1048576)) MiB)"
        say "config file: ${CONFIG_FILE_USED:-none}"
        say "service: $SERVICE_STATE"
        for component in $ALL_COMPONENTS; do
            if [[ -n ${last_ok[$component]:-} ]]; then
                IFS=$'\t' read -r t f k s <<<"${last_ok[$component]}"
                say "$component: last backup $t ($k, $s bytes) $f"
            elif component_state "$component"; then
                say "$component: no backup recorded"
            else
                say "$component: $SKIP_REASON"
            fi
        done
    fi
    exit 0
}

# The health command behind health-check.sh: database answers, free disk, age of backups, service up.
cmd_health() {
    local json=""
    while (($#)); do
        case $1 in --json) json=1 ;; *) die_usage "health: unknown argument \"$1\"" health ;; esac
        shift
    done
    local max_age_h=${HEALTH_MAX_BACKUP_AGE_HOURS:-26} max_config_h=${HEALTH_MAX_CONFIG_AGE_HOURS:-192}
    local min_free_pct=${HEALTH_MIN_FREE_PERCENT:-10}
    [[ $max_age_h =~ ^[0-9]+$ && $max_config_h =~ ^[0-9]+$ && $min_free_pct =~ ^[0-9]+$ ]] ||
        die_config "HEALTH_MAX_BACKUP_AGE_HOURS, HEALTH_MAX_CONFIG_AGE_HOURS and HEALTH_MIN_FREE_PERCENT must be whole numbers"
    local checks="" healthy=1
    add_check() { # NAME STATUS(ok|failed|skipped) DETAIL
        json_object name="$1" status="$2" detail="$3"
        checks+="${checks:+,}$REPLY"
        [[ $2 == failed ]] && healthy=0
        [[ -n $json ]] || printf '%-8s %-24s %s\n' "${2^^}" "$1" "$3"
    }
    # Databases
    if component_state postgres; then
        local answer
        if answer=$(timeout "${HEALTH_DB_TIMEOUT:-15}" "$PSQL" -X -A -t -w -c 'SELECT 1' -d "$PGDATABASE" 2>&1 </dev/null) &&
            [[ $answer == 1 ]]; then
            add_check database:postgres ok "PostgreSQL $PGDATABASE answers"
        else
            add_check database:postgres failed "PostgreSQL $PGDATABASE does not answer: ${answer//$'\n'/ }"
        fi
    else
        add_check database:postgres skipped "$SKIP_REASON"
    fi
    if component_state sqlite; then
        local answer
        answer=$(sqlite3 -readonly -bail -cmd '.timeout 5000' "$SQLITE_DB" 'PRAGMA quick_check;' 2>&1 </dev/null)
        if [[ -f $SQLITE_DB && $answer == ok ]]; then
            add_check database:sqlite ok "$SQLITE_DB passes quick_check"
        else
            add_check database:sqlite failed "$SQLITE_DB: ${answer//$'\n'/ }"
        fi
    else
        add_check database:sqlite skipped "$SKIP_REASON"
    fi
    # Disk
    disk_space "$BACKUP_DIR"
    local pct=0
    ((TOTAL_BYTES > 0)) && pct=$((FREE_BYTES * 100 / TOTAL_BYTES))
    if ((pct >= min_free_pct)); then
        add_check disk ok "$((FREE_BYTES / 1048576)) MiB free ($pct %) where $BACKUP_DIR lives"
    else
        add_check disk failed "only $((FREE_BYTES / 1048576)) MiB free ($pct %, below $min_free_pct %) where $BACKUP_DIR lives"
    fi
    # Backup ages, from the catalog's last backup_finished per component (else the newest file's mtime)
    local -A last_ts=()
    local event file component kind ts result size
    while IFS=$'\037' read -r event file component kind ts result size; do
        [[ $event == backup_finished ]] && last_ts[$component]=$ts
    done < <(catalog_rows)
    local -A newest_mtime=()
    local mtime path
    while IFS=$'\t' read -r size mtime path; do
        parse_backup_name "$path" || continue
        mtime=${mtime%.*}
        ((mtime > ${newest_mtime[$NAME_COMPONENT]:-0})) && newest_mtime[$NAME_COMPONENT]=$mtime
    done < <(list_backup_files)
    now_epoch
    local now=$REPLY limit_h epoch
    for component in $ALL_COMPONENTS; do
        if ! component_state "$component"; then
            add_check "backup:$component" skipped "$SKIP_REASON"
            continue
        fi
        limit_h=$max_age_h
        [[ $component == config || $component == docker-volumes ]] && limit_h=$max_config_h
        epoch=""
        if [[ -n ${last_ts[$component]:-} ]]; then
            epoch=$(date -u -d "${last_ts[$component]}" +%s 2>/dev/null)
        fi
        [[ -n $epoch ]] || epoch=${newest_mtime[$component]:-}
        if [[ -z $epoch ]]; then
            add_check "backup:$component" failed "no backup of $component found"
            continue
        fi
        local age_h=$(((now - epoch) / 3600))
        if ((now - epoch <= limit_h * 3600)); then
            add_check "backup:$component" ok "last backup ${age_h} h ago (limit $limit_h h)"
        else
            add_check "backup:$component" failed "last backup ${age_h} h ago, older than $limit_h h"
        fi
    done
    # Service
    service_state
    case $SERVICE_STATE in
    up) add_check service ok "HEALTH_CHECK_COMMAND succeeded" ;;
    down) add_check service failed "HEALTH_CHECK_COMMAND failed: $HEALTH_CHECK_COMMAND" ;;
    *) add_check service skipped "not configured (HEALTH_CHECK_COMMAND is not set)" ;;
    esac
    local healthy_json=false
    ((healthy)) && healthy_json=true
    iso_now
    if [[ -n $json ]]; then
        json_object healthy:="$healthy_json" host="$HOSTNAME" time="$REPLY" checks:="[$checks]"
        say "$REPLY"
    else
        if ((healthy)); then say "healthy"; else say "UNHEALTHY"; fi
    fi
    ((healthy)) && exit 0
    exit 1
}

# ----------------------------------------------------------------------------------------------------------
# Restores

require_yes() { # COMMAND WHAT
    [[ -n $ASSUME_YES ]] && return 0
    is_true "${BACKUP_ASSUME_YES:-false}" && return 0
    printf '%s: %s replaces %s on host %s; refusing without --yes (or BACKUP_ASSUME_YES=true)\n' \
        "$TOOL_NAME" "$1" "$2" "$HOSTNAME" >&2
    exit 2
}

restore_fail() { # MESSAGE
    clock_ms
    catalog_event restore_failed component="$R_COMPONENT" file="$R_FILE" scenario="$R_SCENARIO" \
        "emergency_backup?=$R_EMERGENCY" duration_ms:="$((REPLY - R_STARTED))" error="$1" "job?=${BACKUP_JOB_ID:-}"
    printf '%s: %s FAILED: %s\n' "$TOOL_NAME" "$R_COMMAND" "$1" >&2
    [[ -n $R_EMERGENCY ]] && printf 'The state before the restore is in %s\n' "$R_EMERGENCY" >&2
    notify failure "$R_COMMAND failed on $HOSTNAME" "$R_FILE: $1"
    say "##result status=failed"
    exit 1
}

restore_begin() { # COMMAND COMPONENT FILE SCENARIO
    R_COMMAND=$1 R_COMPONENT=$2 R_SCENARIO=$4 R_EMERGENCY="" R_SERVICE_STOPPED=""
    catalog_path "$3"
    R_FILE=$REPLY
    clock_ms
    R_STARTED=$REPLY
    now_epoch
    local_stamp "$REPLY"
    RUN_STAMP=$REPLY
    is_true "$BACKUP_ENCRYPTION" && check_encryption_key
    catalog_event restore_started component="$R_COMPONENT" file="$R_FILE" scenario="$R_SCENARIO" "job?=${BACKUP_JOB_ID:-}"
    # Verifying, decoding and loading a large backup are silent for minutes: the live log shows it goes on.
    start_heartbeat "$R_COMMAND"
    say "##step preflight"
}

restore_preflight() { # TYPE NEEDED_BYTES_WHERE
    [[ -f $R_FILE ]] || restore_fail "no such file: $R_FILE"
    if ! verify_file "$R_FILE" "$1"; then
        restore_fail "$R_FILE does not verify: $V_REASON"
    fi
    say "verified $R_FILE ($V_METHOD)"
}

need_space() { # PATH BYTES WHAT
    disk_space "$1"
    if ((FREE_BYTES < $2)); then
        restore_fail "not enough free space for $3 in $1: $FREE_BYTES bytes free, $2 needed"
    fi
}

restore_emergency() { # COMPONENT PREFIX FORMAT (PRODUCER or SNAPSHOT set)
    say "##step emergency-backup"
    local component=$1
    if backup_one emergency "emergency-$component" emergency "$2" "$3"; then
        R_EMERGENCY=$LAST_BACKUP_FILE
        say "##result emergency_backup=$R_EMERGENCY"
    else
        restore_fail "the emergency backup of the current $component failed: $LAST_BACKUP_ERROR; nothing was changed"
    fi
}

restore_stop_service() {
    say "##step stop-service"
    run_service_command "stopping the service" "$SERVICE_STOP_COMMAND" ||
        restore_fail "SERVICE_STOP_COMMAND failed ($SERVICE_STOP_COMMAND); nothing was changed. Set SERVICE_STOP_COMMAND= (empty) to restore without stopping a service"
    R_SERVICE_STOPPED=1
}

restore_start_service() {
    say "##step start-service"
    R_SERVICE_STOPPED=""
    run_service_command "starting the service" "$SERVICE_START_COMMAND" || {
        warn "SERVICE_START_COMMAND failed: $SERVICE_START_COMMAND"
        return 1
    }
}

restore_finish() {
    local health=unknown
    if [[ -n $HEALTH_CHECK_COMMAND ]]; then
        say "##step health-check"
        service_state
        health=$SERVICE_STATE
        say "health check: $health"
    fi
    clock_ms
    local duration=$((REPLY - R_STARTED))
    catalog_event restore_finished component="$R_COMPONENT" file="$R_FILE" scenario="$R_SCENARIO" \
        "emergency_backup?=$R_EMERGENCY" duration_ms:="$duration" health="$health" "job?=${BACKUP_JOB_ID:-}"
    say "##result duration_ms=$duration"
    say "##result rto_seconds=$(((duration + 999) / 1000))"
    say "$R_COMMAND: restored $R_FILE in $duration ms"
    notify success "$R_COMMAND succeeded on $HOSTNAME" "$R_FILE restored"
    say "##result status=succeeded"
    exit 0
}

parse_restore_args() { # COMMAND ARGS... -> RESTORE_TARGET, ASSUME_YES, SCENARIO
    local command=$1
    shift
    RESTORE_TARGET="" ASSUME_YES="" SCENARIO=""
    while (($#)); do
        case $1 in
        --yes | -y) ASSUME_YES=1 ;;
        --scenario)
            (($# > 1)) || die_usage "$command: --scenario needs a name" "$command"
            SCENARIO=$2
            shift
            ;;
        --scenario=*) SCENARIO=${1#*=} ;;
        -*) die_usage "$command: unknown option \"$1\"" "$command" ;;
        *)
            [[ -z $RESTORE_TARGET ]] || die_usage "$command: too many arguments" "$command"
            RESTORE_TARGET=$1
            ;;
        esac
        shift
    done
    [[ -n $RESTORE_TARGET ]] || die_usage "$command needs a backup FILE" "$command"
    [[ -f $RESTORE_TARGET ]] || die_usage "$command: no such file: $RESTORE_TARGET" "$command"
}

cmd_restore_postgres() {
    parse_restore_args restore-postgres "$@"
    [[ -n ${PGDATABASE:-} ]] || die_config "restore-postgres needs PGDATABASE (and PGHOST/PGPORT/PGUSER as needed)"
    require_yes restore-postgres "PostgreSQL database $PGDATABASE"
    restore_begin restore-postgres postgres "$RESTORE_TARGET" "${SCENARIO:-database-corruption}"
    restore_preflight postgres
    local size
    size=$(stat -c %s -- "$R_FILE")
    need_space "$BACKUP_DIR" $((size * 2)) "the emergency backup"
    set_producer_postgres
    restore_emergency postgres emergency-postgres sql
    restore_stop_service
    say "##step restore"
    local err
    err=$(mktemp) && TEMP_FILES+=("$err")
    # One transaction and ON_ERROR_STOP: a failing statement rolls everything back.
    decode_stream "$R_FILE" 2>"$err" |
        "$PSQL" -X -q -w --single-transaction -v ON_ERROR_STOP=1 -d "$PGDATABASE" >/dev/null 2>>"$err"
    local -a status=("${PIPESTATUS[@]}")
    if ((status[0] != 0 || status[1] != 0)); then
        one_line_from_file "$err" "psql exit ${status[1]}"
        local why=$REPLY
        restore_start_service
        restore_fail "psql rejected the dump, the transaction was rolled back and $PGDATABASE is as it was: $why"
    fi
    restore_start_service
    restore_finish
}

cmd_restore_sqlite() {
    parse_restore_args restore-sqlite "$@"
    [[ -z $SQLITE_DISABLED ]] || die_config "restore-sqlite: SQLITE_DB is empty"
    require_yes restore-sqlite "SQLite database $SQLITE_DB"
    restore_begin restore-sqlite sqlite "$RESTORE_TARGET" "${SCENARIO:-database-corruption}"
    restore_preflight sqlite
    local db_dir=.
    [[ $SQLITE_DB == */* ]] && db_dir=${SQLITE_DB%/*}
    mkdir -p -- "$db_dir" || restore_fail "cannot create $db_dir"
    local current=0
    [[ -f $SQLITE_DB ]] && current=$(stat -c %s -- "$SQLITE_DB")
    need_space "$db_dir" $((V_PLAIN_SIZE + current)) "the restored database and the emergency backup"
    if [[ -f $SQLITE_DB ]]; then
        set_producer_snapshot snapshot_sqlite
        restore_emergency sqlite emergency-sqlite db
    else
        say "no current database at $SQLITE_DB: no emergency backup needed"
    fi
    say "##step stage"
    local staged="$db_dir/.${SQLITE_DB##*/}.restore.$$.tmp" err
    # A WAL-mode copy gets -wal and -shm files beside it when it is checked: they go with it.
    TEMP_FILES+=("$staged" "$staged-wal" "$staged-shm")
    err=$(mktemp) && TEMP_FILES+=("$err")
    if ! decode_stream "$R_FILE" >"$staged" 2>"$err"; then
        decode_reason "$err" "$R_FILE"
        restore_fail "cannot decode $R_FILE: $REPLY"
    fi
    local answer
    answer=$(sqlite3 -readonly -bail "$staged" 'PRAGMA integrity_check;' 2>&1 </dev/null)
    [[ $answer == ok ]] || restore_fail "the restored copy fails PRAGMA integrity_check: ${answer//$'\n'/; }; $SQLITE_DB is untouched"
    chmod 644 -- "$staged"
    restore_stop_service
    say "##step swap"
    # The old WAL and shared-memory files belong to the old database: they must not meet the new one.
    rm -f -- "$SQLITE_DB-wal" "$SQLITE_DB-shm" "$SQLITE_DB-journal"
    if ! mv -f -- "$staged" "$SQLITE_DB"; then
        restore_start_service
        restore_fail "cannot move the restored database into $SQLITE_DB"
    fi
    restore_start_service
    restore_finish
}

# The app-data archives to extract for FILE: the full archive its chain starts with, then its incrementals.
app_chain_for() {
    CHAIN=()
    parse_backup_name "$1" || return 1
    if [[ $NAME_KIND != incremental ]]; then
        CHAIN=("$1")
        return 0
    fi
    local target_stamp=$NAME_STAMP dir=${1%/*}
    [[ $1 == */* ]] || dir=.
    local -a entries=()
    local f
    for f in "$dir"/app-data-*; do
        [[ $f == *.sha256 ]] && continue
        parse_backup_name "$f" || continue
        [[ $NAME_STAMP > $target_stamp ]] && continue
        entries+=("$NAME_STAMP $NAME_KIND $f")
    done
    local stamp kind path
    local -a chain=()
    while read -r stamp kind path; do
        [[ -n $stamp ]] || continue
        if [[ $kind == full ]]; then chain=("$path"); else chain+=("$path"); fi
    done < <(printf '%s\n' "${entries[@]}" | LC_ALL=C sort)
    [[ ${#chain[@]} -gt 0 && ${chain[0]} != *-incremental-* ]] || return 1
    CHAIN=("${chain[@]}")
}

cmd_restore_app() {
    parse_restore_args restore-app "$@"
    # Every configured path, also those that are gone now: bringing them back is the point.
    local -a targets=() wanted
    local p
    read -r -a wanted <<<"$APP_DATA_PATHS"
    for p in "${wanted[@]}"; do
        while [[ $p == ./* ]]; do p=${p#./}; done
        targets+=("$p")
    done
    ((${#targets[@]})) || die_config "restore-app: APP_DATA_PATHS is empty"
    require_yes restore-app "the application data (${targets[*]})"
    restore_begin restore-app app-data "$RESTORE_TARGET" "${SCENARIO:-application-failure}"
    app_chain_for "$R_FILE" || restore_fail "$R_FILE is an incremental archive without its full app-data archive before it"
    local archive total=0
    for archive in "${CHAIN[@]}"; do
        verify_file "$archive" tar || restore_fail "$archive (chain of $R_FILE) does not verify: $V_REASON"
        total=$((total + $(stat -c %s -- "$archive") * 4))
        say "verified $archive ($V_ENTRIES entries)"
    done
    need_space . "$total" "the staged application data"
    local -a existing=()
    for p in "${targets[@]}"; do [[ -e $p ]] && existing+=("$p"); done
    if ((${#existing[@]})); then
        set_producer_tar "" "${existing[@]}"
        restore_emergency app-data emergency-app-data tar
    fi
    say "##step stage"
    local staging=".drconsole-restore-$$.tmp" old=".drconsole-replaced-$$.tmp" err
    TEMP_DIRS+=("$staging" "$old")
    mkdir -p -- "$staging" "$old" || restore_fail "cannot create $staging"
    err=$(mktemp) && TEMP_FILES+=("$err")
    for archive in "${CHAIN[@]}"; do
        say "extracting $archive"
        decode_stream "$archive" 2>"$err" | tar -x --listed-incremental=/dev/null -C "$staging" -f - 2>>"$err"
        local -a status=("${PIPESTATUS[@]}")
        if ((status[0] != 0 || status[1] != 0)); then
            one_line_from_file "$err" "exit ${status[*]}"
            restore_fail "extracting $archive failed: $REPLY; nothing was changed"
        fi
    done
    restore_stop_service
    say "##step swap"
    local -a swapped=()
    local member swap_error=""
    for p in "${targets[@]}"; do
        member=${p#/}
        [[ -e $staging/$member ]] || {
            warn "$R_FILE holds nothing for $p; left as it is"
            continue
        }
        [[ $member == */* ]] && mkdir -p -- "$old/${member%/*}"
        if [[ -e $p ]] && ! mv -- "$p" "$old/$member"; then
            swap_error="cannot move $p aside"
            break
        fi
        [[ $p == */* ]] && mkdir -p -- "${p%/*}"
        if ! mv -- "$staging/$member" "$p"; then
            [[ -e $old/$member ]] && mv -- "$old/$member" "$p"
            swap_error="cannot move the restored $p into place"
            break
        fi
        swapped+=("$p")
        # The live SQLite database is not part of app-data (it has its own backups): carry it over.
        if [[ $SQLITE_DB == "$p"/* ]]; then
            local rest=${SQLITE_DB#"$p"/} suffix
            for suffix in "" -wal -shm -journal; do
                if [[ -e $old/$member/$rest$suffix && ! -e $SQLITE_DB$suffix ]]; then
                    mkdir -p -- "${SQLITE_DB%/*}"
                    mv -- "$old/$member/$rest$suffix" "$SQLITE_DB$suffix"
                fi
            done
        fi
    done
    if [[ -n $swap_error ]]; then
        # Put back what was already swapped.
        for p in "${swapped[@]}"; do
            member=${p#/}
            rm -rf -- "$p" && mv -- "$old/$member" "$p"
        done
        restore_start_service
        restore_fail "$swap_error; the application data was put back as it was"
    fi
    rm -rf -- "$staging" "$old"
    restore_start_service
    restore_finish
}

# ----------------------------------------------------------------------------------------------------------
# Jobs: detached runs that survive the SSH session that started them

job_paths() { # ID
    [[ $1 =~ ^[A-Za-z0-9._-]{1,64}$ && $1 != . && $1 != .. ]] ||
        die_usage "job: invalid job id \"$1\" (letters, digits, . _ -, at most 64)" job
    JOB_LOG="$JOBS_DIR/$1.log"
    JOB_STATUS="$JOBS_DIR/$1.status"
}

write_job_status() { # ID PID STATE EXIT_CODE STARTED FINISHED COMMAND...
    local id=$1 pid=$2 state=$3 code=$4 started=$5 finished=$6
    shift 6
    json_array_of_strings "$@"
    local command=$REPLY finished_json=null
    if [[ -n $finished ]]; then
        json_str "$finished"
        finished_json=$REPLY
    fi
    json_object id="$id" pid:="$pid" state="$state" exit_code:="$code" started="$started" \
        finished:="$finished_json" command:="$command"
    local line=$REPLY tmp="$JOBS_DIR/.$id.status.$$.tmp"
    printf '%s\n' "$line" >"$tmp" && mv -f -- "$tmp" "$JOB_STATUS"
}

read_job_status() { # ID -> JOB_JSON, JOB_STATE (a runner that vanished reads as failed)
    job_paths "$1"
    [[ -f $JOB_STATUS ]] || die_usage "job: no job \"$1\" in $JOBS_DIR" job
    JOB_JSON=$(<"$JOB_STATUS")
    JOB_STATE=running
    [[ $JOB_JSON =~ \"state\":\"([a-z]+)\" ]] && JOB_STATE=${BASH_REMATCH[1]}
    if [[ $JOB_STATE == running && $JOB_JSON =~ \"pid\":([0-9]+) ]] && ! kill -0 "${BASH_REMATCH[1]}" 2>/dev/null; then
        # Re-read: the runner may have finished between the two reads.
        JOB_JSON=$(<"$JOB_STATUS")
        if [[ $JOB_JSON == *'"state":"running"'* ]]; then
            JOB_STATE=failed
            JOB_JSON=${JOB_JSON/\"state\":\"running\"/\"state\":\"failed\",\"lost\":true}
        else
            [[ $JOB_JSON =~ \"state\":\"([a-z]+)\" ]] && JOB_STATE=${BASH_REMATCH[1]}
        fi
    fi
}

cmd_job() {
    local sub=${1:-}
    (($#)) && shift
    case $sub in
    start) job_start "$@" ;;
    status)
        (($# >= 1)) || die_usage "job status needs an ID" job
        local json=""
        [[ ${2:-} == --json ]] && json=1
        [[ -z ${2:-} || -n $json ]] || die_usage "job status: unknown argument \"$2\"" job
        read_job_status "$1"
        if [[ -n $json ]]; then
            say "$JOB_JSON"
        else
            local code=""
            [[ $JOB_JSON =~ \"exit_code\":([0-9]+) ]] && code=${BASH_REMATCH[1]}
            say "$1: $JOB_STATE${code:+ (exit code $code)}; log $JOB_LOG"
        fi
        exit 0
        ;;
    tail) job_tail "$@" ;;
    cancel) job_cancel "$@" ;;
    list)
        local json=""
        [[ ${1:-} == --json ]] && json=1
        [[ -z ${1:-} || -n $json ]] || die_usage "job list: unknown argument \"$1\"" job
        local out="" f id
        for f in "$JOBS_DIR"/*.status; do
            id=${f##*/}
            id=${id%.status}
            read_job_status "$id"
            if [[ -n $json ]]; then out+="${out:+,}$JOB_JSON"; else say "$id $JOB_STATE"; fi
        done
        [[ -n $json ]] && say "[$out]"
        exit 0
        ;;
    __run) job_run "$@" ;;
    "") die_usage "job needs start, status, tail, cancel or list" job ;;
    *) die_usage "job: unknown subcommand \"$sub\"" job ;;
    esac
}

job_start() {
    local id=""
    while (($#)); do
        case $1 in
        --id)
            (($# > 1)) || die_usage "job start: --id needs a value" job
            id=$2
            shift
            ;;
        --id=*) id=${1#*=} ;;
        --) shift && break ;;
        *) die_usage "job start: expected -- before the command, got \"$1\"" job ;;
        esac
        shift
    done
    (($#)) || die_usage "job start needs a command after --" job
    case $1 in
    backup | verify | list | status | cleanup | restore-postgres | restore-sqlite | restore-app | copy-remote | health | version) ;;
    *) die_usage "job start: \"$1\" is not a host-tool command that runs as a job" job ;;
    esac
    if [[ -z $id ]]; then
        now_epoch
        local_stamp "$REPLY"
        local chars=abcdefghijklmnopqrstuvwxyz0123456789 suffix="" i
        for ((i = 0; i < 6; i++)); do suffix+=${chars:RANDOM%36:1}; done
        id="$REPLY-$suffix"
    fi
    job_paths "$id"
    mkdir -p -- "$JOBS_DIR" || die_config "cannot create $JOBS_DIR"
    [[ -e $JOB_STATUS || -e $JOB_LOG ]] && die_usage "job start: job \"$id\" already exists" job
    iso_now
    write_job_status "$id" "" running "" "$REPLY" "" "$@" || die_config "cannot write $JOB_STATUS"
    : >"$JOB_LOG"
    local self
    self=$(readlink -f -- "${BASH_SOURCE[0]}")
    # setsid: a session and process group of its own, so a hang-up or kill of the caller's session misses it.
    setsid -f "$BASH" "$self" job __run "$id" "$@" </dev/null >>"$JOB_LOG" 2>&1 ||
        die_config "cannot start the job (setsid failed)"
    say "$id"
    exit 0
}

job_run() {
    local id=$1
    shift
    trap '' HUP
    # `job cancel` sends TERM to the job's process group: the command stops and cleans up as on any SIGTERM,
    # and this runner, once the command has ended, records the job as cancelled.
    local cancelled=""
    trap 'cancelled=1' TERM
    job_paths "$id"
    local started
    started=$(grep -o '"started":"[^"]*"' "$JOB_STATUS" | cut -d '"' -f 4)
    write_job_status "$id" "$$" running "" "$started" "" "$@"
    iso_now
    say "# job $id started $REPLY: $TOOL_NAME $*"
    # In the background, so that a TERM that came between the status above and the start of the command (the
    # trap only noted it) still reaches the command; the wait goes on after the trap ran.
    BACKUP_JOB_ID=$id "$BASH" "${BASH_SOURCE[0]}" "$@" </dev/null &
    local child=$! rc=0
    [[ -n $cancelled ]] && kill -TERM "$child" 2>/dev/null
    while :; do
        rc=0
        wait "$child" || rc=$?
        kill -0 "$child" 2>/dev/null || break
    done
    iso_now
    local finished=$REPLY state=succeeded
    ((rc == 0)) || state=failed
    [[ -n $cancelled ]] && state=cancelled
    say "# job $id $state $finished: exit code $rc"
    write_job_status "$id" "$$" "$state" "$rc" "$started" "$finished" "$@"
    exit 0
}

# Commands that only read: stopping them halfway leaves nothing behind (verify --deep drops its throwaway
# database on SIGTERM). A backup, restore, cleanup or copy stopped halfway could, so those run to their end.
JOB_CANCELLABLE=" verify list status health version "

cancel_failed() {
    printf '%s: job cancel: %s\n' "$TOOL_NAME" "$1" >&2
    exit 1
}

job_cancel() {
    (($# == 1)) || die_usage "job cancel needs one ID" job
    local id=$1 pid="" command="" waited
    read_job_status "$id"
    if [[ $JOB_STATE != running ]]; then
        say "$id: already ended ($JOB_STATE)"
        exit 0
    fi
    [[ $JOB_JSON =~ \"command\":\[\"([a-z-]+)\" ]] && command=${BASH_REMATCH[1]}
    [[ $JOB_CANCELLABLE == *" $command "* ]] ||
        die_usage "job cancel: job $id runs \"$command\", which is not stopped halfway; it runs to its end" job
    # The runner writes its pid as it starts: a job started a moment ago may not show it yet.
    for ((waited = 0; waited < 50; waited++)); do
        read_job_status "$id"
        [[ $JOB_JSON =~ \"pid\":([0-9]+) ]] && pid=${BASH_REMATCH[1]} && break
        [[ $JOB_STATE == running ]] || break
        sleep 0.1
    done
    if [[ $JOB_STATE != running ]]; then
        say "$id: already ended ($JOB_STATE)"
        exit 0
    fi
    [[ -n $pid ]] || cancel_failed "job $id has not written its process id yet; try again"
    # Signal only the job's own runner (a session and process group leader): a pid given since to another
    # process must not be touched.
    local runner=""
    [[ -r /proc/$pid/cmdline ]] && runner=$(tr '\0' ' ' <"/proc/$pid/cmdline")
    [[ " $runner" == *" job __run $id "* ]] ||
        cancel_failed "process $pid is not the runner of job $id any more"
    kill -TERM -- "-$pid" 2>/dev/null || cancel_failed "cannot signal job $id (process group $pid)"
    for ((waited = 0; waited < 300; waited++)); do
        read_job_status "$id"
        if [[ $JOB_STATE != running ]]; then
            say "$id: $JOB_STATE"
            exit 0
        fi
        sleep 0.1
    done
    cancel_failed "job $id was asked to stop but still runs after 30 s"
}

job_tail() {
    (($#)) || die_usage "job tail needs an ID" job
    local id=$1 from=0 follow=""
    shift
    while (($#)); do
        case $1 in
        --from)
            (($# > 1)) || die_usage "job tail: --from needs a byte offset" job
            from=$2
            shift
            ;;
        --from=*) from=${1#*=} ;;
        --follow | -f) follow=1 ;;
        *) die_usage "job tail: unknown argument \"$1\"" job ;;
        esac
        shift
    done
    [[ $from =~ ^[0-9]+$ ]] || die_usage "job tail: --from must be a byte offset, not \"$from\"" job
    read_job_status "$id"
    [[ -f $JOB_LOG ]] || die_usage "job tail: job $id has no log" job
    local size state
    while :; do
        read_job_status "$id"
        state=$JOB_STATE
        size=$(stat -c %s -- "$JOB_LOG")
        if ((size > from)); then
            tail -c "+$((from + 1))" -- "$JOB_LOG" | head -c "$((size - from))"
            from=$size
        fi
        [[ -n $follow && $state == running ]] || break
        sleep 0.2
    done
    # The job ended after our last read of its size: print what it wrote last.
    size=$(stat -c %s -- "$JOB_LOG")
    ((size > from)) && tail -c "+$((from + 1))" -- "$JOB_LOG"
    exit 0
}

# ----------------------------------------------------------------------------------------------------------
# Help

usage() {
    case ${1:-} in
    backup)
        cat <<'EOF'
backup-system.sh backup [full|incremental|critical|config] [--component NAME[,NAME...]]
  full         every configured component: postgres, sqlite, redis, app-data, config, docker-volumes (default)
  incremental  app-data changed since the last archive (GNU tar --listed-incremental chain on the last full)
  critical     the databases: postgres, sqlite, redis
  config       the configuration files (CONFIG_PATHS)
  --component  only these components of the kind
Each backup is written under a temporary name and renamed when complete, gets a <file>.sha256 sidecar and
backup_started / backup_finished / backup_failed events in BACKUP_DIR/catalog.jsonl. A component that is not
configured is skipped and says so; one that fails makes the run exit 1 and notifies.
EOF
        ;;
    verify)
        cat <<'EOF'
backup-system.sh verify [--json] [--deep] [--type postgres|sqlite|tar|redis] latest|FILE...
backup-system.sh verify FILE postgres|sqlite|tar|redis [--json] [--deep]     (the older form: one FILE and its type)
  Checks each file in turn: the sidecar checksum, then decrypts (.enc) and decompresses (.gz) to a pipe: a
  PostgreSQL dump's header and completion footer, SQLite PRAGMA integrity_check on a temporary copy, tar -t of
  archives, the REDIS header of RDB files. "latest" verifies the newest backup of each component. The type
  comes from the file name unless --type names it. Exit 1 when one fails or cannot be verified.
  --deep  goes further: a PostgreSQL dump is restored (psql --single-transaction, ON_ERROR_STOP, backslash
          commands blocked) into a throwaway database drconsole_verify_<pid>_<random> on the configured server
          (PGDATABASE, PGHOST/PGPORT/PGUSER; the user needs CREATEDB) and its user tables' rows are counted; the
          database is always dropped. SQLite: the user tables and their rows are counted. tar: the archive is
          extracted into a private temporary folder (TMPDIR) and its regular files and bytes counted; the folder
          is removed. RDB files get the normal checks.
  --json  one object for one FILE, an array for "latest" or several FILEs.
  Each result is a verify event in the catalog with its level, the highest proof that passed: none, exists,
  checksum (sidecar matched), read-through (all decoded and read), integrity (database checks), deep.
EOF
        ;;
    list) echo "backup-system.sh list [--json]   every backup file with component, kind, time, size, encryption, checksum" ;;
    status) echo "backup-system.sh status [--json]   versions, free disk, last backup per component, service state" ;;
    version) echo "backup-system.sh version [--json]" ;;
    cleanup)
        cat <<'EOF'
backup-system.sh cleanup
  Removes backups older than BACKUP_RETENTION_DAYS (default 30) with their sidecars, never the newest good
  backup of a component nor an archive that a kept incremental depends on. Each removal is a cleanup_removed
  event in the catalog.
EOF
        ;;
    restore-postgres | restore-sqlite | restore-app)
        cat <<'EOF'
backup-system.sh restore-postgres FILE --yes [--scenario NAME]
backup-system.sh restore-sqlite FILE --yes [--scenario NAME]
backup-system.sh restore-app FILE --yes [--scenario NAME]
  Destructive: without --yes (or BACKUP_ASSUME_YES=true) they refuse with exit 2.
  Steps: the file verifies; free space; an emergency backup of the current state (BACKUP_DIR/emergency);
  the service is stopped (SERVICE_STOP_COMMAND); PostgreSQL is restored with psql --single-transaction and
  ON_ERROR_STOP (a failure rolls back and leaves the database as it was); SQLite and app data are restored
  to a temporary place and swapped in only after they verify (an incremental app-data archive brings its
  chain back from its full archive); the service is started (SERVICE_START_COMMAND) and checked
  (HEALTH_CHECK_COMMAND). restore_started / restore_finished / restore_failed go to the catalog.
EOF
        ;;
    copy-remote) echo "backup-system.sh copy-remote [FILE]   copies FILE (default: the newest backup of each component) to BACKUP_REMOTE_TYPE" ;;
    health) echo "backup-system.sh health [--json]   (also health-check.sh) database answers, free disk, backup ages, service; exit 1 when unhealthy" ;;
    job)
        cat <<'EOF'
backup-system.sh job start [--id ID] -- COMMAND [ARGS...]   run a host-tool command detached (setsid); prints the id
backup-system.sh job status ID [--json]
backup-system.sh job tail ID --from OFFSET [--follow]      the log from byte OFFSET; --follow until the job ends
backup-system.sh job cancel ID                             stops a running verify (or other read-only) job
backup-system.sh job list [--json]
  Logs and status live in BACKUP_DIR/jobs/<id>.log and <id>.status. Lines "##step NAME" and
  "##result KEY=VALUE" mark a job's steps and results.
EOF
        ;;
    "" | help)
        cat <<EOF
$TOOL_NAME $TOOL_VERSION — backups, verification and recovery for the Discord reminder bot host

Usage: backup-system.sh COMMAND [ARGS]   (run it in the project directory)
  backup [full|incremental|critical|config]   make backups (default full)
  verify [--deep] latest|FILE...               check backups (--json, --type TYPE)
  list [--json]                                list backups
  status [--json]                              versions, disk, last backups, service
  cleanup                                      apply the retention policy
  restore-postgres FILE --yes                  restore PostgreSQL from a dump
  restore-sqlite FILE --yes                    restore the SQLite database
  restore-app FILE --yes                       restore the application data
  copy-remote [FILE]                           copy backups to the remote destination
  health [--json]                              health check (same as health-check.sh)
  job start|status|tail|list                   detached jobs
  version [--json]
  help [COMMAND]

Configuration: environment variables first, then the KEY=VALUE file BACKUP_CONFIG (default
/etc/drconsole/backup.env, then ./backup.env; parsed, never sourced).
  BACKUP_DIR=./backups            where backups, catalog.jsonl, jobs/ and locks/ live
  BACKUP_RETENTION_DAYS=30        cleanup removes older backups
  BACKUP_COMPRESSION=true         gzip (BACKUP_COMPRESSION_LEVEL=6)
  BACKUP_ENCRYPTION=false         openssl enc -aes-256-cbc -pbkdf2 -salt; the key from
  BACKUP_ENCRYPTION_KEY           (passed through the environment) or
  BACKUP_ENCRYPTION_KEY_FILE      (passed as a file descriptor); never on a command line
  BACKUP_ENCRYPTION_COMPONENTS    encrypt only these components (e.g. "app-data config"; default all)
  PGHOST PGPORT PGUSER PGDATABASE PostgreSQL, backed up when PGDATABASE is set; PG_DUMP=pg_dump, PSQL=psql,
                                  PG_RESTORE=pg_restore (verifies custom-format dumps)
  SQLITE_DB=data/discord_bot.db   backed up with sqlite3 .backup
  REDIS_URL                       Redis, backed up with redis-cli --rdb when set (REDIS_CLI=redis-cli);
                                  verified with redis-check-rdb when there (REDIS_CHECK_RDB=redis-check-rdb)
  APP_DATA_PATHS="data logs uploads"   app data (the live SQLite files are left to their own backup)
  CONFIG_PATHS                    config files (default: those of $DEFAULT_CONFIG_CANDIDATES that exist)
  DOCKER_VOLUMES_PATH             docker volumes folder (default ./volumes when present)
  SERVICE_STOP_COMMAND="docker-compose stop discord-reminder-bot"    run around restores (empty: none)
  SERVICE_START_COMMAND="docker-compose start discord-reminder-bot"
  HEALTH_CHECK_COMMAND            exit 0 when the service is up (status, health, after restores)
  BACKUP_REMOTE_ENABLED=false     copy each new backup to BACKUP_REMOTE_TYPE (rsync, s3, gcs):
  BACKUP_RSYNC_DESTINATION        user@host:/path (rsync over ssh; BACKUP_RSYNC_SSH="ssh -o BatchMode=yes")
  BACKUP_S3_BUCKET BACKUP_S3_PREFIX BACKUP_S3_REGION   through the aws command
  BACKUP_GCS_BUCKET               through gsutil
  BACKUP_NOTIFY_WEBHOOK           JSON POST by curl
  BACKUP_NOTIFY_EMAIL             by sendmail when installed
  BACKUP_NOTIFY_FAILURE=true BACKUP_NOTIFY_SUCCESS=false
  BACKUP_ASSUME_YES=false         answer yes to restores (else --yes is needed)
  HEALTH_MAX_BACKUP_AGE_HOURS=26 HEALTH_MAX_CONFIG_AGE_HOURS=192 HEALTH_MIN_FREE_PERCENT=10
  BACKUP_NOW                      UTC epoch seconds the tool takes as now (demo histories and tests only)

Exit codes: 0 success, 1 a component, verification or restore failed, 2 bad usage or configuration.
EOF
        ;;
    *) return 1 ;;
    esac
}

cmd_help() {
    (($# <= 1)) || die_usage "help takes at most one COMMAND"
    usage "${1:-}" || die_usage "help: unknown command \"$1\""
    exit 0
}

cmd_version() {
    case ${1:-} in
    --json) say "{\"tool\":\"$TOOL_NAME\",\"version\":\"$TOOL_VERSION\",\"protocol\":$PROTOCOL_VERSION}" ;;
    "") say "$TOOL_NAME $TOOL_VERSION" ;;
    *) die_usage "version: unknown argument \"$1\"" version ;;
    esac
    exit 0
}

# ----------------------------------------------------------------------------------------------------------

TEMP_FILES=()
TEMP_DIRS=()
FAILURES=()
V_DEEP=""
DEEP_DATABASE="" DEEP_KEY="" DEEP_CLIENT=""
R_SERVICE_STOPPED=""
TOUCH_FILES=()
cleanup_temp() {
    stop_heartbeat
    if [[ -n $DEEP_CLIENT ]]; then
        # The restore client first, so that its database can be dropped.
        kill -TERM "$DEEP_CLIENT" 2>/dev/null
        wait "$DEEP_CLIENT" 2>/dev/null
    fi
    [[ -n $DEEP_DATABASE ]] && drop_deep_database
    ((${#TOUCH_FILES[@]})) && touch -d "@$BACKUP_NOW" -- "${TOUCH_FILES[@]}"
    local -a left=()
    local f
    for f in "${TEMP_FILES[@]}"; do [[ -e $f ]] && left+=("$f"); done
    ((${#left[@]})) && rm -f -- "${left[@]}"
    ((${#TEMP_DIRS[@]})) && rm -rf -- "${TEMP_DIRS[@]}"
    return 0
}
on_signal() {
    # A restore interrupted after stopping the service starts it again.
    if [[ -n $R_SERVICE_STOPPED ]]; then
        R_SERVICE_STOPPED=""
        run_service_command "starting the service after an interruption" "$SERVICE_START_COMMAND"
    fi
    exit 130
}
trap cleanup_temp EXIT
trap on_signal INT TERM

main() {
    local command=${1:-help}
    (($#)) && shift
    case $command in
    help | -h | --help) cmd_help "$@" ;;
    version | --version) cmd_version "$@" ;;
    esac
    load_config
    apply_defaults
    case $command in
    backup) cmd_backup "$@" ;;
    verify) cmd_verify "$@" ;;
    list) cmd_list "$@" ;;
    status) cmd_status "$@" ;;
    cleanup) cmd_cleanup "$@" ;;
    restore-postgres) cmd_restore_postgres "$@" ;;
    restore-sqlite) cmd_restore_sqlite "$@" ;;
    restore-app) cmd_restore_app "$@" ;;
    copy-remote) cmd_copy_remote "$@" ;;
    health) cmd_health "$@" ;;
    job) cmd_job "$@" ;;
    *) die_usage "unknown command \"$command\"" ;;
    esac
}

main "$@"
