#!/usr/bin/env bash
# A JFR profile of the hot-set customer GET at saturation, summarised as CPU per request by stage (bench/profile.py).
#
#   bench/profile-get.sh                        PROFILE_CUSTOMERS (1000) customers, PROFILE_SECONDS (30) s recorded
#
# The packaged jar (run `mvn package` first, or PROFILE_BUILD=1) on a throwaway database; customers registered
# through the API, every one read once (so all are in the cache), PROFILE_WARMUP (30) s of wrk on them, then
# PROFILE_SECONDS of wrk (2 threads, PROFILE_CONNECTIONS = 32 connections) while JFR records with its `profile`
# settings. The JVM's CPU time in the window comes from /proc. The recording stays in target/bench/get.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${PROFILE_BUILD:-0}" = 1 ]; then mvn -B -q -DskipTests package; fi
name=profile
. scripts/lib/throwaway-service.sh
mkdir -p target/bench
secret=$(openssl rand -hex 32)
start_service CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
    CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_RATE=1000000000 CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_BURST=1000000000 \
    CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$(openssl rand -base64 32)" --
token=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -t 7200 \
    -s "customers:read customers:write customers:pii")
ids=$(mktemp)
cleanup_files+=("$ids")
for n in $(seq 1 "${PROFILE_CUSTOMERS:-1000}"); do
    printf '{"givenName":"Ada","familyName":"Profile%d","email":"profile.%d@example.org","phone":"+44 20 7946 %04d"}\n' \
        "$n" "$n" "$((n % 10000))"
done | xargs -P 8 -d '\n' -I{} curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$url/api/v1/customers" -d {} | python3 -c 'import json,sys
for line in sys.stdin.read().replace("}{", "}\n{").splitlines(): print(json.loads(line)["id"])' > "$ids"
echo "profile: $(wc -l < "$ids") customers"
wrk_get() {
    wrk -t 2 -c "${PROFILE_CONNECTIONS:-32}" -d "$1s" --latency -H "Authorization: Bearer $token" \
        -s bench/wrk/random-id.lua "$url" -- "$ids"
}
wrk_get "${PROFILE_WARMUP:-30}" > /dev/null
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
ticks=$(getconf CLK_TCK)
jcmd "$pid" JFR.start name=get settings=profile > /dev/null
before=$(cpu)
wrk_get "${PROFILE_SECONDS:-30}" | tee target/bench/get-wrk.txt
after=$(cpu)
jcmd "$pid" JFR.stop name=get filename="$PWD/target/bench/get.jfr" > /dev/null
requests=$(awk '/requests in/ { print $1 }' target/bench/get-wrk.txt)
python3 bench/profile.py target/bench/get.jfr "$requests" "$(python3 -c "print(($after - $before) / $ticks)")" 25
