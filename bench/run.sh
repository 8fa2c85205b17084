#!/usr/bin/env bash
# The service against the physical limit of this machine, in one run. See "## Benchmark" in README.md.
#
#   bench/run.sh            (defaults: 1,000,000 customers, 5,000,000 interactions)
#   BENCH_CUSTOMERS=100000 BENCH_INTERACTIONS=500000 BENCH_DURATION=10 bench/run.sh   (a quick run)
#
# Needs: a JDK, Maven, wrk, pgbench, psql, curl, python3, and a PostgreSQL server (BENCH_PG_HOST/PORT/USER,
# default 127.0.0.1:5432 postgres) on which a throwaway database is created and dropped.
set -euo pipefail
cd "$(dirname "$0")/.."

customers=${BENCH_CUSTOMERS:-1000000}
interactions=${BENCH_INTERACTIONS:-5000000}
heavy=${BENCH_HEAVY:-100000}
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-10}
connections=${BENCH_CONNECTIONS:-32}
batch_connections=${BENCH_BATCH_CONNECTIONS:-4}
port=${BENCH_PORT:-18080}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres}
db="customer_identity_bench_$(date +%s)"
out=target/bench
work=$(mktemp -d)
mkdir -p "$out"
secret=bench-only-hmac-secret-not-for-production-0123456789
master_key=$(head -c 32 /dev/urandom | base64)
url="http://127.0.0.1:$port"
jdbc="jdbc:postgresql://$pg_host:$pg_port/$db"
psql_db() { psql -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$db" "$@"; }

for tool in wrk pgbench psql curl python3 java mvn; do
    command -v "$tool" > /dev/null || { echo "bench/run.sh needs $tool" >&2; exit 1; }
done

echo "==> build"
mvn -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
jar=$(ls target/customer-identity-*.jar | grep -v original | head -n 1)
rm -rf "$out/extracted" && java -Djarmode=tools -jar "$jar" extract --destination "$out/extracted" > /dev/null
app_jar=$(ls "$out"/extracted/*.jar | head -n 1)

app_pid=""
stop_app() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2> /dev/null || true; wait "$app_pid" 2> /dev/null || true; app_pid=""; fi
}
cleanup() {
    stop_app
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    rm -rf "$work"
}
trap cleanup EXIT

# Starts the service with extra JVM options; sets startup_ms to the milliseconds from launch to readiness.
startup_ms=0
start_app() {
    local t0 t1
    t0=$(date +%s%N)
    SPRING_DATASOURCE_URL="$jdbc" SPRING_DATASOURCE_USERNAME="$pg_user" \
    CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$master_key" \
    SERVER_PORT="$port" java "$@" -jar "$app_jar" > "$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 1200); do
        if curl -sf "$url/actuator/health/readiness" > /dev/null; then
            t1=$(date +%s%N); startup_ms=$(( (t1 - t0) / 1000000 )); return 0
        fi
        sleep 0.05
    done
    cat "$work/app.log" >&2
    return 1
}

echo "==> database $db"
psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $db"
start_app; startup_plain=$startup_ms   # also migrates the empty database and stores the FF1 key
stop_app
echo "==> seed: $customers customers, $interactions interactions ($heavy for one customer)"
java -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" io.customeridentity.bench.BenchSeeder \
    "$jdbc" "$pg_user" "$master_key" "$customers" "$interactions" "$heavy" "$work"
psql_db -c "CREATE TABLE bench_ids (n serial PRIMARY KEY, id varchar(13) NOT NULL)"
psql_db -c "\\copy bench_ids (id) FROM '$work/ids.txt'"
id_count=$(wc -l < "$work/ids.txt")

echo "==> start-up: training run for the class-data-sharing archive"
SPRING_DATASOURCE_URL="$jdbc" SPRING_DATASOURCE_USERNAME="$pg_user" \
CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$master_key" \
SERVER_PORT="$port" java -XX:ArchiveClassesAtExit="$out/app.jsa" -Dspring.context.exit=onRefresh \
    -jar "$app_jar" > "$work/training.log" 2>&1 || true
start_app -XX:SharedArchiveFile="$out/app.jsa"; startup_cds=$startup_ms
stop_app
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options, e.g. a JFR recording for profiling
start_app ${BENCH_JAVA_OPTS:-}; startup_plain_warm=$startup_ms
token=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -t 7200 \
    -s "customers:read customers:write interactions:read interactions:write")
auth=(-H "Authorization: Bearer $token")

# wrk for $duration s; prints "rate p50_ms p99_ms".
run_wrk() {
    local c=$1; shift
    wrk -t 2 -c "$c" -d "${duration}s" --latency "${auth[@]}" "$@" > "$work/wrk.txt" 2>&1
    python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
    if not m: return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors: print(f"wrk: {errors.group(1)} non-2xx responses", file=sys.stderr)
print(rate, ms("50"), ms("99"))
PY
}

# pgbench for $duration s with a script; prints "tps avg_latency_ms".
run_pgbench() {
    local c=$1 script=$2
    pgbench -n -h "$pg_host" -p "$pg_port" -U "$pg_user" -c "$c" -j 2 -T "$duration" -D ids="$id_count" \
        -f "$script" "$db" > "$work/pgbench.txt" 2>&1 || { cat "$work/pgbench.txt" >&2; return 1; }
    python3 - "$work/pgbench.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", text).group(1))
latency = float(re.search(r"latency average = ([\d.]+) ms", text).group(1))
print(tps, latency)
PY
}

cat > "$work/get.sql" <<'SQL'
\set n random(1, :ids)
SELECT c.id, c.status, c.current_version, c.created_at, v.version, v.recorded_at, v.recorded_by, v.changed_fields,
       v.profile_ciphertext, v.reason_ciphertext, k.key_id, k.kek_id, k.wrapped_key
FROM customers c JOIN customer_versions v ON v.customer_id = c.id JOIN customer_data_keys k ON k.key_id = v.data_key_id
WHERE c.id = (SELECT id FROM bench_ids WHERE n = :n) AND v.version = c.current_version;
SQL
psql_db -c "CREATE SEQUENCE bench_create_seq"
# The service's create transaction (sequence values come in blocks of 50, outside it).
cat > "$work/create.sql" <<'SQL'
SELECT nextval('bench_create_seq') AS n \gset
BEGIN;
INSERT INTO customers (id, prefix, status, current_version, created_at, updated_at)
    VALUES ('BN' || lpad(:n::text, 11, '0'), 'BN', 'ACTIVE', 1, now(), now());
INSERT INTO customer_data_keys (key_id, customer_id, kek_id, wrapped_key, created_at)
    VALUES (md5(:n::text)::uuid, 'BN' || lpad(:n::text, 11, '0'), 'kek-v1', gen_random_bytes_or_md5(), now());
INSERT INTO customer_versions (customer_id, version, data_key_id, profile_ciphertext, changed_fields,
                               reason_ciphertext, recorded_at, recorded_by)
    VALUES ('BN' || lpad(:n::text, 11, '0'), 1, md5(:n::text)::uuid, decode(repeat(md5(:n::text), 6), 'hex'),
            'givenName,familyName,email', NULL, now(), 'bench');
INSERT INTO customer_contact_index (customer_id, kind, blind_index)
    VALUES ('BN' || lpad(:n::text, 11, '0'), 'EMAIL', decode(md5(:n::text) || md5(:n::text), 'hex'));
COMMIT;
SQL
sed -i "s/gen_random_bytes_or_md5()/decode(md5(:n::text) || md5(:n::text) || substr(md5(:n::text), 1, 24), 'hex')/" "$work/create.sql"
cat > "$work/batch.sql" <<'SQL'
INSERT INTO interactions (id, customer_id, type, channel, occurred_at, recorded_at, source, external_id,
                          amount_value, amount_currency, rating, data_key_id, details_ciphertext)
SELECT gen_random_uuid(), b.id, 'WEB_VISIT', 'WEB', now(), now(), 'pgbench', gen_random_uuid()::text,
       NULL, NULL, NULL, NULL, NULL
FROM (SELECT 1 + (random() * (:ids - 1))::int AS n FROM generate_series(1, 1000)) r JOIN bench_ids b ON b.n = r.n;
SQL

echo "==> warm-up (${warmup}s per endpoint, not measured)"
duration_measured=$duration
duration=$warmup
run_wrk "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt" > /dev/null
run_wrk "$connections" "$url/actuator/info" > /dev/null
run_wrk "$connections" -s bench/wrk/create-customer.lua "$url" > /dev/null
run_wrk "$batch_connections" -s bench/wrk/batch.lua "$url" -- "$work/ids.txt" > /dev/null
run_wrk "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt" /api/v1/customer-ids/ > /dev/null
duration=$duration_measured

echo "==> 1. customer GET"
read -r get_rate get_p50 get_p99 < <(run_wrk "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt")
read -r info_rate info_p50 info_p99 < <(run_wrk "$connections" "$url/actuator/info")
read -r pg_get_tps pg_get_lat < <(run_pgbench "$connections" "$work/get.sql")
echo "==> 2. customer create"
read -r create_rate create_p50 create_p99 < <(run_wrk "$connections" -s bench/wrk/create-customer.lua "$url")
read -r pg_create_tps pg_create_lat < <(run_pgbench "$connections" "$work/create.sql")
echo "==> 3. batch ingestion"
read -r batch_rate batch_p50 batch_p99 < <(run_wrk "$batch_connections" -s bench/wrk/batch.lua "$url" -- "$work/ids.txt")
read -r pg_batch_tps pg_batch_lat < <(run_pgbench "$batch_connections" "$work/batch.sql")
echo "==> 4. ID validation"
read -r ids_rate ids_p50 ids_p99 < <(run_wrk "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt" /api/v1/customer-ids/)
read -r info2_rate info2_p50 info2_p99 < <(run_wrk "$connections" "$url/actuator/info")
echo "==> 5. timeline pages and summary"
heavy_id=$(cat "$work/heavy-customer.txt")
timeline="$url/api/v1/customers/$heavy_id/interactions?limit=100"
cursor=""
for _ in $(seq 2 500); do
    cursor=$(curl -sf "${auth[@]}" "$timeline${cursor:+&cursor=$cursor}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nextCursor"] or "")')
done
median_ms() {
    for _ in $(seq 1 50); do curl -sf -o /dev/null -w '%{time_total}\n' "${auth[@]}" "$1"; done \
        | python3 -c 'import statistics,sys; print(statistics.median(float(l) for l in sys.stdin) * 1000)'
}
page1=$(median_ms "$timeline")
page500=$(median_ms "$timeline&cursor=$cursor")
summary=$(median_ms "$url/api/v1/customers/$heavy_id/summary")
rss_kb=$(ps -o rss= -p "$app_pid" | tr -d ' ')
stop_app

echo "==> results"
python3 - "$out" <<PY
import json, sys
r = dict(
    customerGet=dict(rate=$get_rate, p50Ms=$get_p50, p99Ms=$get_p99),
    actuatorInfo=dict(rate=$info_rate, p50Ms=$info_p50, p99Ms=$info_p99),
    pgbenchGet=dict(tps=$pg_get_tps, avgMs=$pg_get_lat),
    customerCreate=dict(rate=$create_rate, p50Ms=$create_p50, p99Ms=$create_p99),
    pgbenchCreate=dict(tps=$pg_create_tps, avgMs=$pg_create_lat),
    batch=dict(interactionsPerSecond=$batch_rate * 1000, p50Ms=$batch_p50),
    pgbenchBatch=dict(interactionsPerSecond=$pg_batch_tps * 1000, avgMs=$pg_batch_lat),
    idValidation=dict(rate=$ids_rate, p99Ms=$ids_p99),
    actuatorInfoAgain=dict(rate=$info2_rate, p99Ms=$info2_p99),
    timeline=dict(page1Ms=$page1, page500Ms=$page500, summaryMs=$summary),
    startup=dict(plainMs=$startup_plain_warm, firstStartWithMigrationMs=$startup_plain, cdsMs=$startup_cds),
    residentMemoryMb=$rss_kb / 1024,
    seed=dict(customers=$customers, interactions=$interactions, heavyCustomerInteractions=$heavy),
    settings=dict(durationSeconds=$duration, warmupSeconds=$warmup, connections=$connections,
                  batchConnections=$batch_connections),
)
rows = [
    ("customer GET rate (req/s)", r["customerGet"]["rate"], "actuator/info", r["actuatorInfo"]["rate"]),
    ("customer GET p99 (ms)", r["customerGet"]["p99Ms"], "actuator/info p99", r["actuatorInfo"]["p99Ms"]),
    ("customer GET rate (req/s)", r["customerGet"]["rate"], "pgbench same SELECT", r["pgbenchGet"]["tps"]),
    ("customer create (req/s)", r["customerCreate"]["rate"], "pgbench same transaction", r["pgbenchCreate"]["tps"]),
    ("batch ingestion (interactions/s)", r["batch"]["interactionsPerSecond"], "pgbench multi-row INSERT", r["pgbenchBatch"]["interactionsPerSecond"]),
    ("ID validation (req/s)", r["idValidation"]["rate"], "actuator/info", r["actuatorInfoAgain"]["rate"]),
    ("timeline page 500 (ms)", r["timeline"]["page500Ms"], "page 1", r["timeline"]["page1Ms"]),
    ("summary, %d interactions (ms)" % $heavy, r["timeline"]["summaryMs"], "target", 20.0),
    ("start-up with CDS (ms)", r["startup"]["cdsMs"], "without CDS", r["startup"]["plainMs"]),
]
print(f"{'figure':<36}{'service':>12}  {'baseline':<26}{'value':>12}{'ratio':>8}")
for name, value, base_name, base in rows:
    ratio = value / base if base else float("nan")
    print(f"{name:<36}{value:>12.1f}  {base_name:<26}{base:>12.1f}{ratio:>8.2f}")
print(f"{'resident memory after the run (MB)':<36}{r['residentMemoryMb']:>12.0f}")
r["ratios"] = {name + " / " + base_name: (value / base if base else None) for name, value, base_name, base in rows}
json.dump(r, open(sys.argv[1] + "/results.json", "w"), indent=2)
PY
