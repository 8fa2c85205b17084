# Sourced, not run: the packaged jar on a throwaway PostgreSQL database, for the scripts that check the jar from
# outside (aot-smoke.sh, readme-tour.sh, swagger-ui-check.sh). Before sourcing, set `name` (used in messages, the
# database name and the PostgreSQL variables: <NAME>_PG_HOST/PORT/USER, default 127.0.0.1:5432 postgres). It sets
# pg_host, pg_port, pg_user, db, jar, port, url, log; `fail MESSAGE` prints the service's log and stops; the database
# is dropped and the service stopped on exit; `start_service [VAR=value ...] -- [java options]` starts the jar with
# those variables and waits until it is ready; `restart_service` starts it again the same way on the same database
# (after the script stopped or killed it: `pid` is the running service's process id).
prefix=$(tr '[:lower:]-' '[:upper:]_' <<< "$name")
pg_host_var="${prefix}_PG_HOST" pg_port_var="${prefix}_PG_PORT" pg_user_var="${prefix}_PG_USER"
pg_host=${!pg_host_var:-127.0.0.1}
pg_port=${!pg_port_var:-5432}
pg_user=${!pg_user_var:-postgres}
db="customer_identity_${prefix,,}_$(date +%s)_$$"
jar=$(find target -maxdepth 1 -name 'customer-identity-*.jar' ! -name '*.original' | head -n 1)
[ -n "$jar" ] || { echo "$name: no target/customer-identity-*.jar: run mvn package first" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
log=$(mktemp)
pid=""
cleanup_files=("$log")
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    rm -f "${cleanup_files[@]}"
}
trap cleanup EXIT
fail() { echo "--- service log" >&2; tail -n 60 "$log" >&2; echo "$name: $*" >&2; exit 1; }

service_variables=()
service_options=()
start_service() {
    service_variables=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do service_variables+=("$1"); shift; done
    [ "${1:-}" = -- ] && shift
    service_options=("$@")
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $db"
    restart_service
}

restart_service() {
    env SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" SPRING_DATASOURCE_USERNAME="$pg_user" \
        SERVER_PORT="$port" "${service_variables[@]}" java "${service_options[@]}" -jar "$jar" >> "$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do
        curl -sf "$url/actuator/health/readiness" > /dev/null && return 0
        kill -0 "$pid" 2> /dev/null || fail "the service stopped before it was ready"
        sleep 0.5
    done
    fail "not ready after 120 s"
}
