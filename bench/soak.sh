#!/usr/bin/env bash
# Soak test of the packaged jar on a throwaway database. Run after `mvn package` (or let it build: SOAK_BUILD=1).
#
#   bench/soak.sh                          mixed traffic at a fixed rate for SOAK_SECONDS (default 600)
#   SOAK_SECONDS=60 SOAK_INTERVAL=10 bench/soak.sh      a short run (what .ci/run --long runs)
#   bench/soak.sh --connections            SOAK_CONNECTIONS (default 500) concurrent connections of mixed traffic
#
# Fixed rate (bench/soak.py): SOAK_RATE requests a second (default 100), open loop (latency counted from when each
# request was due), mixed: reads 35%, registrations 15% (a third with an Idempotency-Key), patches 10%,
# interactions 20%, batches of 50 interactions 5%, resolves by e-mail 15%. Per SOAK_INTERVAL seconds (default 60)
# after SOAK_WARMUP seconds of the same traffic (default 30; its errors are printed, not judged: a cold JVM on a
# busy machine can shed reads with 503 while it compiles) it prints requests, errors, latency p50/p90/p99/max, the heap after a full GC (jcmd) and the database
# connections; at the end the database's invariants (scripts/lib/invariants.sql). It fails on any error or broken
# invariant; read the heap and connection columns for a leak (flat after warm-up).
#
# Connections (wrk, bench/wrk/mixed.lua): SOAK_CONNECTIONS connections for SOAK_CONNECTIONS_SECONDS (default 30)
# of reads, registrations, interactions and resolves; fails on any non-2xx answer or socket error, or when the p99
# is above SOAK_P99_BOUND_MS (default 2000).
#
# Results: target/soak/results.json (fixed rate) or target/soak/connections.txt (wrk's report).
# PostgreSQL: SOAK_PG_HOST/PORT/USER, default 127.0.0.1:5432 postgres. Needs: java, jcmd, psql, curl, openssl,
# python3, and wrk for --connections.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=rate
[ "${1:-}" = --connections ] && mode=connections
if [ "${SOAK_BUILD:-0}" = 1 ]; then mvn -B -q -DskipTests package; fi
name=soak
. scripts/lib/throwaway-service.sh
mkdir -p target/soak
secret=$(openssl rand -hex 32)
# Rate limits on, with budgets the load never reaches (the mixed load resolves 15 times a second and more): what is measured is the service.
start_service CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
    CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$(openssl rand -base64 32)" \
    CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_RATE=1000000 CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_BURST=1000000 \
    CUSTOMER_IDENTITY_RATE_LIMITS_LOOKUP_RATE=1000000 CUSTOMER_IDENTITY_RATE_LIMITS_LOOKUP_BURST=1000000 --
scopes="customers:read customers:write interactions:read interactions:write"
TOKEN=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -s "$scopes" -u soak -t 86400)
export TOKEN JAVA_PID=$pid DB=$db PSQL="psql -q -h $pg_host -p $pg_port -U $pg_user -d $db"
echo "soak: the service runs as process $pid on database $db, $(nproc) cores"

if [ "$mode" = rate ]; then
    WARMUP=${SOAK_WARMUP:-30} python3 bench/soak.py "$url" "${SOAK_SECONDS:-600}" "${SOAK_RATE:-100}" "${SOAK_INTERVAL:-60}" \
        target/soak/results.json || fail "requests failed during the soak"
else
    command -v wrk > /dev/null || fail "wrk not found (Debian: apt-get install wrk)"
    ids=$(mktemp)
    cleanup_files+=("$ids")
    for n in $(seq 1 200); do
        curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X POST "$url/api/v1/customers" \
            -d "{\"givenName\":\"Seed\",\"email\":\"seed.$n@example.org\"}" \
            | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' >> "$ids" || fail "seeding failed"
    done
    connections=${SOAK_CONNECTIONS:-500}
    wrk -t 2 -c "$connections" -d "${SOAK_CONNECTIONS_SECONDS:-30}s" --timeout 10s --latency \
        -H "Authorization: Bearer $TOKEN" -s bench/wrk/mixed.lua "$url" -- "$ids" | tee target/soak/connections.txt
    ! grep -q -E "Non-2xx|Socket errors" target/soak/connections.txt || fail "errors with $connections connections"
    p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) m = v / 1000; else if (v ~ /ms$/) m = v + 0; else m = v * 1000;
        print m }' target/soak/connections.txt)
    python3 -c "import sys; sys.exit(0 if $p99 <= ${SOAK_P99_BOUND_MS:-2000} else 1)" \
        || fail "p99 $p99 ms with $connections connections is above ${SOAK_P99_BOUND_MS:-2000} ms"
    echo "soak: $connections connections: no errors, p99 $p99 ms"
fi

broken=$($PSQL -At -F ' ' -f scripts/lib/invariants.sql) || fail "the invariants check did not run"
[ -z "$broken" ] || fail "invariants broken: $broken"
echo "soak: invariants hold (every customer has version 1 and a data key, no version without its customer, no" \
    "interaction of an unknown customer, stats equal a recount)"
