#!/usr/bin/env bash
# What the change feed costs and how fast it is, in one run on throwaway databases:
#
#   bench/feed.sh                                   every pair measured FEED_REPEATS (3) times for FEED_DURATION (20) s
#   FEED_REPEATS=1 FEED_DURATION=10 bench/feed.sh   a quick run
#
# Two instances of the packaged jar run side by side, each on its own database: one writes events (the outbox) and
# relays them to RabbitMQ, the other runs with customer-identity.events.enabled=false. They are measured alternately,
# one at a time, under the same load:
#   1. registrations (wrk, bench/wrk/create-customer.lua), with the outbox against without;
#   2. profile changes (wrk, bench/wrk/patch-customer.lua, random customers at their current version), the same;
#   3. the pull feed read from its start by one consumer with limit=1000 (events/s);
#   4. under the registration load: the time from an event's change to its arrival at a consumer long-polling the
#      pull feed, and at a queue bound to the relay's exchange (p50, p99, max; bench/FeedConsumer).
# Prints a table with medians over the repeats; target/bench/feed.json holds every measurement.
# Needs: java, mvn, wrk, psql, curl, openssl, python3; PostgreSQL (FEED_PG_HOST/PORT/USER, default 127.0.0.1:5432
# postgres, trust) and RabbitMQ (FEED_RABBITMQ_HOST, default 127.0.0.1, guest/guest).
set -euo pipefail
cd "$(dirname "$0")/.."

repeats=${FEED_REPEATS:-3}
duration=${FEED_DURATION:-20}
warmup=${FEED_WARMUP:-10}
connections=${FEED_CONNECTIONS:-32}
pg_host=${FEED_PG_HOST:-127.0.0.1}
pg_port=${FEED_PG_PORT:-5432}
pg_user=${FEED_PG_USER:-postgres}
rabbit_host=${FEED_RABBITMQ_HOST:-127.0.0.1}
out=target/bench
work=$(mktemp -d)
mkdir -p "$out"
records="$out/feed-records.jsonl"
rm -f "$records"
exchange="customer-identity.events.bench-$$"
stamp="$(date +%s)_$$"
pids=()
dbs=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; wait "$p" 2> /dev/null || true; done
    for d in "${dbs[@]}"; do
        psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

echo "==> build"
if [ "${FEED_BUILD:-1}" = 1 ]; then
    mvn -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package test-compile
fi
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
jar=$(find target -maxdepth 1 -name 'customer-identity-*.jar' ! -name '*.original' | head -n 1)
classpath="target/test-classes:target/classes:$(cat "$work/classpath.txt")"
secret=$(openssl rand -hex 32)
master_key=$(openssl rand -base64 32)
token=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -t 7200 \
    -s "customers:read customers:write events:read")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start <name> [VAR=value ...]: the jar on a new database; sets <name>_url and <name>_db.
start() {
    local name=$1 port db; shift
    port=$(free_port)
    db="customer_identity_feed_${name}_$stamp"
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $db"
    dbs+=("$db")
    env SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" SPRING_DATASOURCE_USERNAME="$pg_user" \
        SERVER_PORT="$port" CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
        CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_RATE=1000000000 CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_BURST=1000000000 \
        CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$master_key" "$@" java -jar "$jar" > "$out/feed-$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do
        if curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null; then
            printf -v "${name}_url" '%s' "http://127.0.0.1:$port"
            printf -v "${name}_db" '%s' "$db"
            return 0
        fi
        sleep 0.5
    done
    tail -n 40 "$out/feed-$name.log" >&2
    echo "bench/feed.sh: $name did not become ready" >&2
    exit 1
}

record() { python3 bench/results.py record "$records" "$@"; }

# run_wrk <name> <repeat> <url> [wrk arguments]
run_wrk() {
    local name=$1 repeat=$2 url=$3; shift 3
    if ! wrk -t 2 -c "$connections" -d "${duration}s" --latency -H "Authorization: Bearer $token" "$url" "$@" \
        > "$work/wrk.txt" 2>&1; then
        cat "$work/wrk.txt" >&2
        echo "bench/feed.sh: wrk failed ($name #$repeat)" >&2
        exit 1
    fi
    python3 bench/results.py wrk "$records" "$name" "$repeat" "$work/wrk.txt"
}

# patch_ids <db>: customers at random with their current version, for patch-customer.lua.
patch_ids() {
    psql -q -At -F ' ' -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$1" \
        -c "SELECT id, current_version FROM customers ORDER BY random() LIMIT 50000" > "$work/patch-ids.txt"
}

echo "==> two instances: with the outbox and the relay to RabbitMQ ($rabbit_host), and without the outbox"
start on CUSTOMER_IDENTITY_EVENTS_RABBITMQ_ENABLED=true CUSTOMER_IDENTITY_EVENTS_RABBITMQ_EXCHANGE="$exchange" \
    SPRING_RABBITMQ_HOST="$rabbit_host"
start off CUSTOMER_IDENTITY_EVENTS_ENABLED=false

echo "==> warm-up (${warmup}s per instance and load)"
duration_measured=$duration
duration=$warmup
for side in on off; do
    url_var="${side}_url" db_var="${side}_db"
    run_wrk "warmup.create.$side" 1 "${!url_var}" -s bench/wrk/create-customer.lua
    patch_ids "${!db_var}"
    run_wrk "warmup.patch.$side" 1 "${!url_var}" -s bench/wrk/patch-customer.lua -- "$work/patch-ids.txt"
done
duration=$duration_measured

echo "==> 1. registrations with and without the outbox, $repeats times"
for i in $(seq 1 "$repeats"); do
    run_wrk createOutbox "$i" "$on_url" -s bench/wrk/create-customer.lua
    run_wrk createNoOutbox "$i" "$off_url" -s bench/wrk/create-customer.lua
done
echo "==> 2. profile changes with and without the outbox, $repeats times"
for i in $(seq 1 "$repeats"); do
    patch_ids "$on_db"
    run_wrk patchOutbox "$i" "$on_url" -s bench/wrk/patch-customer.lua -- "$work/patch-ids.txt"
    patch_ids "$off_db"
    run_wrk patchNoOutbox "$i" "$off_url" -s bench/wrk/patch-customer.lua -- "$work/patch-ids.txt"
done
echo "==> 3. the pull feed from its start, one consumer, limit=1000, $repeats times"
for i in $(seq 1 "$repeats"); do
    line=$(java -cp "$classpath" io.customeridentity.bench.FeedConsumer throughput "$on_url" "$token")
    echo "    feedRead #$i: $line"
    record feedRead "$i" "events=$(sed 's/.*events=\([0-9]*\).*/\1/' <<< "$line")" "rate=${line##*rate=}"
done
echo "==> 4. change to arrival under registration load (pull feed and RabbitMQ), $repeats times"
for i in $(seq 1 "$repeats"); do
    java -cp "$classpath" io.customeridentity.bench.FeedConsumer latency "$on_url" "$token" $(( duration + 3 )) \
        "$rabbit_host" "$exchange" > "$work/latency.txt" &
    consumer=$!
    sleep 2
    run_wrk createWatched "$i" "$on_url" -s bench/wrk/create-customer.lua
    wait "$consumer"
    sed 's/^/    /' "$work/latency.txt"
    for kind in feed rabbitmq; do
        line=$(grep "^$kind:" "$work/latency.txt")
        fields=$(sed 's/^[a-z]*: //' <<< "$line")
        # shellcheck disable=SC2086 # key=value pairs
        record "latency.$kind" "$i" $fields
    done
done

python3 - "$records" "$out/feed.json" <<'EOF'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    runs.setdefault(r["name"], []).append(r)
def values(name, field):
    return [r[field] for r in runs.get(name, []) if r.get(field) is not None]
def med(name, field):
    v = values(name, field)
    return statistics.median(v) if v else None
def ratios(a, b, field):
    pairs = zip(values(a, field), values(b, field))
    return [x / y for x, y in pairs if y]
rows = []
for figure, a, b, field, target in [
        ("registrations with the outbox / without (req/s)", "createOutbox", "createNoOutbox", "rate", ">= 0.9"),
        ("profile changes with the outbox / without (req/s)", "patchOutbox", "patchNoOutbox", "rate", ">= 0.9")]:
    r = ratios(a, b, field)
    rows.append((figure, med(a, field), med(b, field), statistics.median(r) if r else None,
                 f"{min(r):.2f}-{max(r):.2f}" if len(r) > 1 else "", target))
rows.append(("pull feed, one consumer, limit=1000 (events/s)", med("feedRead", "rate"), None, None, "", ">= 20,000"))
for kind in ("feed", "rabbitmq"):
    rows.append((f"change to arrival, {kind}: p50 (ms)", med(f"latency.{kind}", "p50"), None, None, "", ""))
    rows.append((f"change to arrival, {kind}: p99 (ms)", med(f"latency.{kind}", "p99"), None, None, "", "< 1,000"))
    rows.append((f"change to arrival, {kind}: max (ms)", med(f"latency.{kind}", "max"), None, None, "", ""))
fmt = lambda v, s=".1f": "—" if v is None else format(v, s)
print(f"{'figure':<52}{'service':>11}{'without':>11}{'ratio':>7}  {'range':<11}target")
for figure, a, b, ratio, spread, target in rows:
    print(f"{figure:<52}{fmt(a):>11}{fmt(b):>11}{fmt(ratio, '.2f'):>7}  {spread:<11}{target}")
non2xx = [f"{n} #{r['repeat']}: {r['non2xx']}" for n, rs in runs.items() for r in rs if r.get("non2xx")]
if non2xx:
    print("warning: non-2xx responses: " + ", ".join(non2xx))
json.dump(dict(rows=[dict(figure=f, service=a, without=b, ratio=r, target=t) for f, a, b, r, _, t in rows],
               measurements=runs), open(sys.argv[2], "w"), indent=2)
EOF
