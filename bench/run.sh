#!/usr/bin/env bash
# The service against the physical limit of this machine, in one run. See "## Benchmark" in README.md.
#
#   bench/run.sh            (defaults: 1,000,000 customers, 5,000,000 interactions, every pair measured 3 times)
#   BENCH_CUSTOMERS=100000 BENCH_INTERACTIONS=500000 BENCH_DURATION=10 bench/run.sh   (a quick run)
#   BENCH_JAVA=<jdk>/bin/java bench/run.sh   (another JDK; from 25 on, start-up uses the JDK's AOT cache, not CDS)
#
# Needs: a JDK, Maven, wrk, pgbench, psql, curl, openssl, python3, and a PostgreSQL server (BENCH_PG_HOST/PORT/USER,
# default 127.0.0.1:5432 postgres) on which a throwaway database is created and dropped.
set -euo pipefail
cd "$(dirname "$0")/.."

customers=${BENCH_CUSTOMERS:-1000000}
interactions=${BENCH_INTERACTIONS:-5000000}
heavy=${BENCH_HEAVY:-100000}
hot=${BENCH_HOT:-10000}
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-10}
repeats=${BENCH_REPEATS:-3}
starts=${BENCH_STARTS:-3}
connections=${BENCH_CONNECTIONS:-32}
batch_connections=${BENCH_BATCH_CONNECTIONS:-4}
port=${BENCH_PORT:-18080}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres}
java=${BENCH_JAVA:-java}
db="customer_identity_bench_$(date +%s)_$$"
out=target/bench
records="$out/records.jsonl"
secret=bench-only-hmac-secret-not-for-production-0123456789
master_key=$(head -c 32 /dev/urandom | base64)
url="http://127.0.0.1:$port"
jdbc="jdbc:postgresql://$pg_host:$pg_port/$db"
psql_db() { psql -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$db" "$@"; }
results() { python3 bench/results.py "$1" "$records" "${@:2}"; }

for tool in wrk pgbench psql curl openssl python3 mvn "$java"; do
    command -v "$tool" > /dev/null || { echo "bench/run.sh needs $tool" >&2; exit 1; }
done
for n in "$repeats" "$starts"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_REPEATS and BENCH_STARTS must be whole numbers from 1" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 2 "$url/"; then
    echo "something already answers on port $port: set BENCH_PORT to a free one" >&2; exit 1
fi

# The JDK decides the start-up cache: the AOT cache of JEP 483 with the one-step training of JEP 514 from JDK 25
# on, class-data sharing (a dynamic archive) before that. -Xshare:on and -XX:AOTMode=on change nothing when the
# cache is used, and stop the JVM when it cannot be (a changed jar, another JDK) instead of starting without it.
jdk_settings=$("$java" -XshowSettings:properties -version 2>&1)
jdk_property() { sed -n "s/^ *$1 = //p" <<< "$jdk_settings" | head -n 1; }
java_version=$(jdk_property 'java\.runtime\.version')
java_vendor=$(jdk_property 'java\.vendor')
java_feature=$(jdk_property 'java\.specification\.version')
[[ $java_feature =~ ^[0-9]+$ ]] || { echo "bench/run.sh: cannot tell the version of $java" >&2; exit 1; }
if (( java_feature >= 25 )); then
    cache_kind=aot; cache_name="AOT cache"; cache_file="$out/app.aot"
    cache_training=(-XX:AOTCacheOutput="$cache_file"); cache_use=(-XX:AOTCache="$cache_file" -XX:AOTMode=on)
else
    cache_kind=cds; cache_name="CDS archive"; cache_file="$out/app.jsa"
    cache_training=(-XX:ArchiveClassesAtExit="$cache_file"); cache_use=(-XX:SharedArchiveFile="$cache_file" -Xshare:on)
fi
# Spring AOT mode (-Dspring.aot.enabled=true): the bean definitions worked out when the jar was built. It gets its
# own cache, trained in that mode.
spring_aot=(-Dspring.aot.enabled=true)
aot_cache_file="${cache_file%.*}-spring-aot.${cache_file##*.}"
aot_training=("${cache_training[@]/$cache_file/$aot_cache_file}" "${spring_aot[@]}")
aot_use=("${cache_use[@]/$cache_file/$aot_cache_file}" "${spring_aot[@]}")
echo "==> JDK $java_version ($java_vendor): start-up cache is the $cache_name (${cache_use[*]})"

work=$(mktemp -d)
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
trap 'exit 130' INT TERM

mkdir -p "$out"
rm -f "$records" "$out"/cache-*.log

echo "==> build"
mvn -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
mvn -B -q -f bench/minimal-app/pom.xml package
# extract <jar> <directory>: the layout that CDS and the AOT cache need; prints the application jar in it.
extract() {
    rm -rf "$2"
    "$java" -Djarmode=tools -jar "$1" extract --destination "$2" > /dev/null || return 1
    find "$2" -maxdepth 1 -name '*.jar' | head -n 1
}
app_jar=$(extract "$(find target -maxdepth 1 -name 'customer-identity-*.jar' | head -n 1)" "$out/extracted")
minimal_jar=$(extract "$(find bench/minimal-app/target -maxdepth 1 -name '*.jar' | head -n 1)" "$out/minimal-extracted")

# app_command <service|minimal> [JVM options]: sets cmd to the command line that runs it (env execs the JVM, so the
# pid of a background run is the JVM's). Its temporary files go to $work: a training run exits without stopping
# Tomcat, which then leaves its directories behind.
mkdir "$work/tmp"
# Rate limits on, as in production, with budgets the load never reaches: the figures are the service's, not its limits'
# (section 6 measures what the limits cost by turning them off).
rate_limits=true
# The audit trail on, as in production (section 7 measures what it costs by turning it off).
audit=true
rate_limit_budgets=(CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_RATE=1000000000 CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_BURST=1000000000
                    CUSTOMER_IDENTITY_RATE_LIMITS_LOOKUP_RATE=1000000000 CUSTOMER_IDENTITY_RATE_LIMITS_LOOKUP_BURST=1000000000)
app_command() {
    local app=$1; shift
    case $app in
        service) cmd=(env SPRING_DATASOURCE_URL="$jdbc" SPRING_DATASOURCE_USERNAME="$pg_user"
                      CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret"
                      CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$master_key"
                      CUSTOMER_IDENTITY_RATE_LIMITS_ENABLED="$rate_limits" "${rate_limit_budgets[@]}"
                      CUSTOMER_IDENTITY_AUDIT_ENABLED="$audit"
                      SERVER_PORT="$port" "$java" -Djava.io.tmpdir="$work/tmp" "$@" -jar "$app_jar") ;;
        minimal) cmd=(env SERVER_PORT="$port" "$java" -Djava.io.tmpdir="$work/tmp" "$@" -jar "$minimal_jar") ;;
    esac
}

# start_app <service|minimal> [JVM options]: starts it and sets startup_ms to the milliseconds from launch to
# readiness. Its output goes to $work/<app>.log.
startup_ms=0
start_app() {
    local app=$1 t0 t1 deadline; shift
    app_command "$app" "$@"
    if curl -s -o /dev/null --max-time 2 "$url/"; then echo "bench/run.sh: port $port is taken" >&2; return 1; fi
    deadline=$(( $(date +%s) + 300 ))
    t0=$(date +%s%N)
    "${cmd[@]}" > "$work/$app.log" 2>&1 &
    app_pid=$!
    while (( $(date +%s) < deadline )) && kill -0 "$app_pid" 2> /dev/null; do
        if curl -sf "$url/actuator/health/readiness" > /dev/null; then
            t1=$(date +%s%N); startup_ms=$(( (t1 - t0) / 1000000 )); return 0
        fi
        sleep 0.05
    done
    cat "$work/$app.log" >&2
    echo "bench/run.sh: $app did not become ready" >&2
    return 1
}

echo "==> database $db"
psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $db"
start_app service; startup_first=$startup_ms   # also migrates the empty database and stores the FF1 key
stop_app
echo "==> seed: $customers customers, $interactions interactions ($heavy for one customer)"
"$java" -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" io.customeridentity.bench.BenchSeeder \
    "$jdbc" "$pg_user" "$master_key" "$customers" "$interactions" "$heavy" "$work"
psql_db -c "CREATE TABLE bench_ids (n serial PRIMARY KEY, id varchar(13) NOT NULL)"
psql_db -c "\\copy bench_ids (id) FROM '$work/ids.txt'"
id_count=$(wc -l < "$work/ids.txt")
# A hot set: the customers a real service sees again and again (support screens, checkout), served by its cache.
shuf -n "$hot" --random-source=<(yes) "$work/ids.txt" > "$work/hot-ids.txt"

# train <cache file> <log> [JVM options]: a training run that writes the cache file.
train() {
    local file=$1 log=$2; shift 2
    rm -f "$file"
    app_command service "$@" -Dspring.context.exit=onRefresh
    "${cmd[@]}" > "$log" 2>&1 || true   # the exit status after onRefresh says nothing
    if [ ! -s "$file" ]; then cat "$log" >&2; echo "bench/run.sh: the training run wrote no $file" >&2; exit 1; fi
}
echo "==> start-up: training runs for the $cache_name, without and with Spring AOT mode"
train "$cache_file" "$out/cache-training.log" "${cache_training[@]}"
train "$aot_cache_file" "$out/cache-training-spring-aot.log" "${aot_training[@]}"
echo "==> start-up: $starts rounds of the minimal app without a cache, the service without and with the $cache_name," \
    "and with it in Spring AOT mode"
for i in $(seq 1 "$starts"); do
    start_app minimal; minimal_ms=$startup_ms; stop_app
    start_app service; service_ms=$startup_ms; stop_app
    start_app service "${cache_use[@]}"; service_cache_ms=$startup_ms; stop_app
    cp "$work/service.log" "$out/cache-use-$i.log"
    start_app service "${aot_use[@]}"; service_aot_ms=$startup_ms; stop_app
    cp "$work/service.log" "$out/cache-use-spring-aot-$i.log"
    results record startup "$i" minimalMs="$minimal_ms" serviceMs="$service_ms" serviceCacheMs="$service_cache_ms" \
        serviceSpringAotMs="$service_aot_ms"
    echo "    round $i: minimal app $minimal_ms ms, service $service_ms ms, with the $cache_name $service_cache_ms ms," \
        "and in Spring AOT mode $service_aot_ms ms"
done
# The JVM's own warnings about the cache ("[warning][cds] ...", "[error  ][aot] ..."). Training always gives some:
# classes it leaves out of the cache (optional dependencies missing, multi-release jar entries).
cache_warnings() { grep -E '\[(warning|error) *\]\[(cds|aot)' || true; }
training_warnings=$(cat "$out"/cache-training*.log | cache_warnings | grep -c . || true)
use_warnings=$(cat "$out"/cache-use-*.log | cache_warnings)
use_warning_count=$(grep -c . <<< "$use_warnings" || true)
echo "    JVM warnings about the cache: $training_warnings in training, $use_warning_count in use ($out/cache-*.log)"
head -n 5 <<< "$use_warnings" | sed '/^$/d; s/^/      /'

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options, e.g. a JFR recording for profiling
start_app service ${BENCH_JAVA_OPTS:-}; startup_plain_warm=$startup_ms
token=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -t 7200 \
    -s "customers:read customers:write interactions:read interactions:write")
auth=(-H "Authorization: Bearer $token")

# run_wrk <name> <repeat> <connections> [wrk arguments]: wrk for $duration s; records rate, p50 and p99.
run_wrk() {
    local name=$1 repeat=$2 c=$3; shift 3
    wrk -t 2 -c "$c" -d "${duration}s" --latency "${auth[@]}" "$@" > "$work/wrk.txt" 2>&1
    results wrk "$name" "$repeat" "$work/wrk.txt"
}

# run_wrk_anonymous: run_wrk without the bearer token (the framework's ceiling: /actuator/info as any caller sees it).
run_wrk_anonymous() {
    local auth=()
    run_wrk "$@"
}

# run_copy <name> <repeat> <connections>: PostgreSQL's COPY of the rows a batch inserts, 1,000 rows a transaction
# from <connections> connections for $duration s (CopyBaseline); records the rows per second as its rate.
run_copy() {
    local name=$1 repeat=$2 c=$3 line
    line=$("$java" -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
        io.customeridentity.bench.CopyBaseline "$jdbc" "$pg_user" "$work/ids.txt" "$c" "$duration")
    echo "    $name #$repeat: $line"
    results record "$name" "$repeat" "rate=${line##*rate=}"
}

# run_pgbench <name> <repeat> <clients> <script>: pgbench for $duration s, logging every transaction; records tps
# and the average, p50 and p99 latency.
run_pgbench() {
    local name=$1 repeat=$2 c=$3 script=$4
    pgbench -n -M prepared -h "$pg_host" -p "$pg_port" -U "$pg_user" -c "$c" -j 2 -T "$duration" -D ids="$id_count" \
        -l --log-prefix="$work/pgbench-tx" -f "$script" "$db" > "$work/pgbench.txt" 2>&1 \
        || { cat "$work/pgbench.txt" >&2; return 1; }
    results pgbench "$name" "$repeat" "$work/pgbench.txt" "$work/pgbench-tx"
}

cat > "$work/get.sql" <<'SQL'
\set n random(1, :ids)
SELECT c.id, c.status, c.current_version, c.created_at, v.version, v.recorded_at, v.recorded_by, v.changed_fields,
       v.profile_ciphertext, v.reason_ciphertext, k.key_id, k.kek_id, k.wrapped_key
FROM customers c JOIN customer_versions v ON v.customer_id = c.id JOIN customer_data_keys k ON k.key_id = v.data_key_id
WHERE c.id = (SELECT id FROM bench_ids WHERE n = :n) AND v.version = c.current_version;
SQL
psql_db -c "CREATE SEQUENCE bench_create_seq"
# The service's registration statement (CustomerTables.java), for one registration per transaction: data-modifying
# CTEs over unnested arrays, in autocommit. (The service puts concurrent registrations into the same arrays; the
# baseline stays one customer per transaction.) The service takes sequence values in blocks of 50; here nextval is
# inlined, which costs pgbench no round trip.
cat > "$work/create.sql" <<'SQL'
WITH seq AS (
    SELECT 'BN' || lpad(n::text, 11, '0') AS id, md5(n::text) AS h FROM (SELECT nextval('bench_create_seq') AS n) s
), registration AS (
    SELECT * FROM unnest((SELECT ARRAY[id]::varchar[] FROM seq), ARRAY['BN']::varchar[],
        (SELECT ARRAY[h::uuid] FROM seq), (SELECT ARRAY[decode(h || h || substr(h, 1, 24), 'hex')] FROM seq),
        (SELECT ARRAY[decode(repeat(h, 6), 'hex')] FROM seq), ARRAY['givenName,familyName,email']::text[],
        ARRAY['bench']::varchar[], ARRAY[now()]::timestamptz[])
        AS r(id, prefix, key_id, wrapped_key, profile, fields, actor, at)
), customer AS (
    INSERT INTO customers (id, prefix, status, current_version, created_at, updated_at)
    SELECT id, prefix, 'ACTIVE', 1, at, at FROM registration
), data_key AS (
    INSERT INTO customer_data_keys (key_id, customer_id, kek_id, wrapped_key, created_at)
    SELECT key_id, id, 'kek-v1', wrapped_key, at FROM registration
), first_version AS (
    INSERT INTO customer_versions (customer_id, version, data_key_id, profile_ciphertext, changed_fields,
                                   reason_ciphertext, recorded_at, recorded_by)
    SELECT id, 1, key_id, profile, fields, NULL, at, actor FROM registration
)
INSERT INTO customer_contact_index (customer_id, kind, blind_index)
SELECT * FROM unnest((SELECT ARRAY[id]::varchar[] FROM seq), ARRAY['EMAIL']::varchar[],
    (SELECT ARRAY[decode(h || h, 'hex')] FROM seq));
SQL
# The same rows as the service writes: time-ordered (version 7) ids, distinct external ids.
psql_db -c "CREATE FUNCTION bench_uuid_v7() RETURNS uuid AS \$\$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
         placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
         FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid \$\$ LANGUAGE sql VOLATILE"
cat > "$work/batch.sql" <<'SQL'
INSERT INTO interactions (id, customer_id, type, channel, occurred_at, recorded_at, source, external_id,
                          amount_value, amount_currency, rating, data_key_id, details_ciphertext)
SELECT bench_uuid_v7(), b.id, 'WEB_VISIT', 'WEB', now(), now(), 'pgbench',
       :client_id || '-' || txid_current() || '-' || r.g, NULL, NULL, NULL, NULL, NULL
FROM (SELECT g, 1 + (random() * (:ids - 1))::int AS n FROM generate_series(1, 1000) g) r JOIN bench_ids b ON b.n = r.n;
SQL

echo "==> warm-up (${warmup}s per endpoint, recorded apart)"
duration_measured=$duration
duration=$warmup
run_wrk warmup.customerGet 1 "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt"
run_wrk warmup.customerGetHot 1 "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/hot-ids.txt"
run_wrk_anonymous warmup.actuatorInfo 1 "$connections" "$url/actuator/info"
run_wrk warmup.actuatorInfoToken 1 "$connections" "$url/actuator/info"
run_wrk warmup.customerCreate 1 "$connections" -s bench/wrk/create-customer.lua "$url"
run_wrk warmup.batch 1 "$batch_connections" -s bench/wrk/batch.lua "$url" -- "$work/ids.txt"
run_wrk warmup.idValidation 1 "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt" /api/v1/customer-ids/
duration=$duration_measured

# Each pair runs service and baseline alternately, $repeats times, so that drift (JIT, other load) hits both.
echo "==> 1. customer GET against /actuator/info (without and with the token) and pgbench running the same SELECT, $repeats times"
for i in $(seq 1 "$repeats"); do
    run_wrk customerGet "$i" "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt"
    run_wrk customerGetHot "$i" "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/hot-ids.txt"
    run_wrk_anonymous actuatorInfo "$i" "$connections" "$url/actuator/info"
    run_wrk actuatorInfoToken "$i" "$connections" "$url/actuator/info"
    run_pgbench pgbenchGet "$i" "$connections" "$work/get.sql"
done
echo "==> 2. customer create against pgbench running the same transaction, $repeats times"
for i in $(seq 1 "$repeats"); do
    run_wrk customerCreate "$i" "$connections" -s bench/wrk/create-customer.lua "$url"
    run_pgbench pgbenchCreate "$i" "$connections" "$work/create.sql"
done
echo "==> 3. batch ingestion against a pgbench multi-row INSERT and COPY of the same rows, $repeats times"
for i in $(seq 1 "$repeats"); do
    run_wrk batch "$i" "$batch_connections" -s bench/wrk/batch.lua "$url" -- "$work/ids.txt"
    run_pgbench pgbenchBatch "$i" "$batch_connections" "$work/batch.sql"
    run_copy copyBatch "$i" "$batch_connections"
done
echo "==> 4. ID validation against /actuator/info, $repeats times"
for i in $(seq 1 "$repeats"); do
    run_wrk idValidation "$i" "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt" /api/v1/customer-ids/
    run_wrk_anonymous actuatorInfoAgain "$i" "$connections" "$url/actuator/info"
done
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
results record timeline 1 page1Ms="$page1" page500Ms="$page500" summaryMs="$summary"
rss_kb=$(ps -o rss= -p "$app_pid" | tr -d ' ')
results record memory 1 residentMb="$(( rss_kb / 1024 ))"
stop_app
echo "==> 6. customer GET with rate limits on (nobody over budget) against off, $repeats times, a fresh instance each"
for i in $(seq 1 "$repeats"); do
    order=(on off); (( i % 2 == 0 )) && order=(off on)   # alternate which goes first, so that drift hits both
    for limits in "${order[@]}"; do
        if [ "$limits" = on ]; then rate_limits=true; else rate_limits=false; fi
        start_app service
        duration=$warmup
        run_wrk "warmup.customerGetLimits${limits^}" "$i" "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt"
        duration=$duration_measured
        run_wrk "customerGetLimits${limits^}" "$i" "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt"
        stop_app
    done
done
rate_limits=true
echo "==> 7. customer GET and create with the audit trail on against off, $repeats times, a fresh instance each"
for i in $(seq 1 "$repeats"); do
    order=(on off); (( i % 2 == 0 )) && order=(off on)   # alternate which goes first, so that drift hits both
    for state in "${order[@]}"; do
        if [ "$state" = on ]; then audit=true; else audit=false; fi
        start_app service
        duration=$warmup
        run_wrk "warmup.customerGetAudit${state^}" "$i" "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt"
        run_wrk "warmup.customerCreateAudit${state^}" "$i" "$connections" -s bench/wrk/create-customer.lua "$url"
        duration=$duration_measured
        run_wrk "customerGetAudit${state^}" "$i" "$connections" -s bench/wrk/random-id.lua "$url" -- "$work/ids.txt"
        run_wrk "customerCreateAudit${state^}" "$i" "$connections" -s bench/wrk/create-customer.lua "$url"
        stop_app
    done
done
audit=true

results record run 1 javaVersion="$java_version" javaVendor="$java_vendor" javaFeature="$java_feature" \
    cacheKind="$cache_kind" cacheName="$cache_name" cacheTraining="${cache_training[*]}" cacheUse="${cache_use[*]}" \
    springAotUse="${aot_use[*]}" \
    cacheTrainingWarnings="$training_warnings" cacheUseWarnings="$use_warning_count" \
    firstStartWithMigrationMs="$startup_first" measuredInstanceStartMs="$startup_plain_warm" \
    customers="$customers" interactions="$interactions" heavyInteractions="$heavy" hotCustomers="$hot" repeats="$repeats" starts="$starts" \
    durationSeconds="$duration" warmupSeconds="$warmup" connections="$connections" \
    batchConnections="$batch_connections" \
    javaOptions="${BENCH_JAVA_OPTS:-}"
echo "==> results"
results report "$out/results.json"
