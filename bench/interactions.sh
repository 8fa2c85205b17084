#!/usr/bin/env bash
# Interaction timeline benchmark: batch ingestion rate, page 1 vs deep-page latency, summary latency.
#
#   mvn -B -DskipTests package && bench/interactions.sh [total_interactions] [page_size]
#
# Starts the packaged service on a fresh PostgreSQL database (on the server at BENCH_PG_HOST/PORT/USER,
# default 127.0.0.1:5432 postgres, created for the run and dropped afterwards), loads total_interactions
# (default 100000) for one customer through POST /api/v1/interactions/batch in batches of 1000, then times
# page 1 and page 500 of the timeline (walked with cursors) and the summary, 50 times each.
# Prints a table and writes target/bench/interactions.json. Needs curl, psql and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

total=${1:-100000}
page_size=${2:-100}
deep_page=500
repeats=50
port=${BENCH_PORT:-18080}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres}
db="customer_identity_bench_$(date +%s)"
jar=$(ls target/customer-identity-*.jar 2>/dev/null | grep -v original | head -n 1)
[ -n "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
secret=bench-only-hmac-secret-not-for-production-0123456789
work=$(mktemp -d)
mkdir -p target/bench

cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    rm -rf "$work"
}
trap cleanup EXIT

psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $db"
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" SPRING_DATASOURCE_USERNAME="$pg_user" \
CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_RATE=1000000 CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_BURST=1000000 \
SERVER_PORT="$port" java -jar "$jar" > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && break
    sleep 0.5
done
curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null || { cat "$work/app.log"; exit 1; }

token=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -t 7200 \
    -s "customers:read customers:write interactions:read interactions:write")
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
customer=$(api -X POST "http://127.0.0.1:$port/api/v1/customers" -d '{"givenName":"Bench"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

python3 - "$customer" "$total" "$work" <<'PY'
import json, sys, datetime
customer, total, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
base = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
types = ["WEB_VISIT", "EMAIL_OPEN", "PURCHASE", "FEEDBACK", "SUPPORT_CONTACT"]
for b in range(0, total, 1000):
    items = []
    for i in range(b, min(b + 1000, total)):
        t = types[i % len(types)]
        item = {"customerId": customer, "type": t, "channel": "WEB", "source": "bench", "externalId": f"e{i}",
                "occurredAt": (base + datetime.timedelta(seconds=97 * i)).isoformat().replace("+00:00", "Z")}
        if t == "PURCHASE":
            item["amount"] = {"value": f"{i % 500}.99", "currency": "EUR"}
        if t == "FEEDBACK":
            item["rating"] = 1 + i % 5
        items.append(item)
    with open(f"{work}/batch-{b // 1000:05d}.json", "w") as f:
        json.dump({"items": items}, f)
PY

start=$(date +%s%N)
for file in "$work"/batch-*.json; do
    api -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/interactions/batch" --data-binary "@$file"
done
ingest_ns=$(( $(date +%s%N) - start ))

timeline="http://127.0.0.1:$port/api/v1/customers/$customer/interactions?limit=$page_size"
cursor=""
for _ in $(seq 2 $deep_page); do
    cursor=$(api "$timeline${cursor:+&cursor=$cursor}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nextCursor"] or "")')
    [ -n "$cursor" ] || { echo "fewer than $deep_page pages: raise total_interactions" >&2; exit 1; }
done
times() { for _ in $(seq 1 $repeats); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$1"; done; }
times "$timeline" > "$work/page1"
times "$timeline&cursor=$cursor" > "$work/page500"
times "http://127.0.0.1:$port/api/v1/customers/$customer/summary" > "$work/summary"

python3 - "$total" "$ingest_ns" "$work" "$page_size" <<'PY'
import json, statistics, sys
total, ingest_ns, work, page_size = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
def median_ms(name):
    with open(f"{work}/{name}") as f:
        return statistics.median(float(line) for line in f) * 1000
rate = total / (ingest_ns / 1e9)
page1, page500, summary = median_ms("page1"), median_ms("page500"), median_ms("summary")
result = {"interactions": total, "batchIngestPerSecond": round(rate), "page1MedianMs": round(page1, 2),
          "page500MedianMs": round(page500, 2), "deepPageRatio": round(page500 / page1, 2),
          "summaryMedianMs": round(summary, 2), "pageSize": page_size}
print(f"{'figure':<34}{'value':>12}")
print(f"{'batch ingestion (interactions/s)':<34}{rate:>12.0f}")
print(f"{'page 1 median (ms)':<34}{page1:>12.2f}")
print(f"{'page 500 median (ms)':<34}{page500:>12.2f}")
print(f"{'page 500 / page 1 (ratio)':<34}{page500 / page1:>12.2f}")
print(f"{'summary median (ms)':<34}{summary:>12.2f}")
with open("target/bench/interactions.json", "w") as f:
    json.dump(result, f, indent=2)
PY
