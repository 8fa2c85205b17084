#!/usr/bin/env bash
# The packaged jar killed and stopped under a steady write load, on a throwaway database. Run after `mvn package`.
#
#   scripts/crash-recovery.sh                   (about a minute: two loads of CRASH_SECONDS, default 8)
#   CRASH_SECONDS=60 scripts/crash-recovery.sh  (the long form; .ci/run --long runs it so)
#
# 1. SIGKILL: 16 clients write (registrations with and without an Idempotency-Key, interactions one by one and in
#    batches of 500) and every answer is journalled; half-way the service gets SIGKILL, the clients go on being
#    refused, then it is started again on the same database. Then: every acknowledged write is stored (a
#    registration whole: customer, version 1, data key), every keyed registration retried with its key answers 201
#    and the acknowledged customer, the keys made exactly one customer each, failed interactions retried are stored
#    once, and the database's invariants hold (scripts/lib/invariants.sql).
# 2. SIGTERM: the same load; half-way the service gets SIGTERM. Then: every request in flight at that moment
#    finished with a 2xx, later ones were refused or answered (never a 5xx), the service exited within its
#    graceful-shutdown window (spring.lifecycle.timeout-per-shutdown-phase, 20 s) plus 5 s, every acknowledged
#    write is stored and the invariants hold.
#
# CRASH_JOURNALS=<directory> keeps the journals of every request (JSON lines) there.
# PostgreSQL: CRASH_PG_HOST/PORT/USER, default 127.0.0.1:5432 postgres. Needs: java, psql, curl, openssl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

name=crash
. scripts/lib/throwaway-service.sh
seconds=${CRASH_SECONDS:-8}
secret=$(openssl rand -hex 32)
if [ -n "${CRASH_JOURNALS:-}" ]; then
    journal_dir=$CRASH_JOURNALS
    mkdir -p "$journal_dir"
    rm -f "$journal_dir"/*.jsonl "$journal_dir"/*.stop
else
    journal_dir=$(mktemp -d)
    trap 'cleanup; rm -rf "$journal_dir"' EXIT
fi
# Rate limits on, with budgets the load never reaches (the write load is unthrottled): what is measured is the service.
start_service CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
    CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$(openssl rand -base64 32)" \
    CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_RATE=1000000 CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_BURST=1000000 \
    CUSTOMER_IDENTITY_RATE_LIMITS_LOOKUP_RATE=1000000 CUSTOMER_IDENTITY_RATE_LIMITS_LOOKUP_BURST=1000000 --

scopes="customers:read customers:write interactions:read interactions:write"
token() { CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -s "$scopes" -u "$1" -t 3600; }
export KEYED_SUBJECT="crash-keyed-$$" RUN="r$$" PSQL="psql -q -h $pg_host -p $pg_port -U $pg_user -d $db"
KEYED_TOKEN=$(token "$KEYED_SUBJECT")
UNKEYED_TOKEN=$(token "crash-unkeyed-$$")
export KEYED_TOKEN UNKEYED_TOKEN
customers=()
for _ in 1 2 3 4; do
    customers+=("$(curl -sf -H "Authorization: Bearer $UNKEYED_TOKEN" -H 'Content-Type: application/json' \
        -X POST "$url/api/v1/customers" -d '{"givenName":"Visited"}' \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')") || fail "could not register a customer"
done
CUSTOMERS=$(IFS=,; echo "${customers[*]}")
export CUSTOMERS

invariants() {
    local broken
    broken=$($PSQL -At -F ' ' -f scripts/lib/invariants.sql) || fail "the invariants check did not run"
    [ -z "$broken" ] || fail "invariants broken after $1: $broken"
    echo "crash: invariants hold after $1"
}

# --- 1. SIGKILL mid-load ------------------------------------------------------------------------------------------
python3 scripts/lib/write_load.py run "$url" "$seconds" "$journal_dir/kill.jsonl" &
load=$!
sleep "$(python3 -c "print($seconds / 2)")"
kill -KILL "$pid"
wait "$pid" 2> /dev/null || true
echo "crash: SIGKILL sent to the service mid-load"
wait "$load"
restart_service
echo "crash: restarted on the same database"
python3 scripts/lib/write_load.py verify "$url" "$journal_dir/kill.jsonl" || fail "writes lost or duplicated after SIGKILL"
invariants SIGKILL

# --- 2. SIGTERM mid-load ------------------------------------------------------------------------------------------
python3 scripts/lib/write_load.py run "$url" "$seconds" "$journal_dir/term.jsonl" &
load=$!
sleep "$(python3 -c "print($seconds / 2)")"
term_at=$(python3 -c 'import time; print(time.time())')
kill -TERM "$pid"
exited=0
wait "$pid" 2> /dev/null || exited=$?
stopped_after=$(python3 -c "import time; print(round(time.time() - $term_at, 2))")
pid=""
echo "crash: SIGTERM: the service exited with $exited after $stopped_after s"
touch "$journal_dir/term.jsonl.stop"
wait "$load"
python3 -c "import sys; sys.exit(0 if $stopped_after < 25 else 1)" || fail "shutdown took $stopped_after s"
grep -q "Graceful shutdown complete" "$log" || fail "no graceful shutdown in the log"
python3 scripts/lib/write_load.py in-flight "$journal_dir/term.jsonl" "$term_at" || fail "SIGTERM broke requests"
python3 scripts/lib/write_load.py stored "$journal_dir/term.jsonl" || fail "writes lost after SIGTERM"
invariants SIGTERM
echo "crash: no acknowledged write lost across SIGKILL and SIGTERM"
