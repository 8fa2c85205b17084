#!/usr/bin/env bash
# Starts the packaged jar in Spring AOT mode (-Dspring.aot.enabled=true) on a throwaway database and checks that it
# serves: readiness, a registration, a read, and the version list (a Spring Data repository query). The test suite
# runs in plain mode only, so this is what guards the build-time bean definitions. Run after `mvn package`.
#
#   scripts/aot-smoke.sh        (PostgreSQL: AOT_SMOKE_PG_HOST/PORT/USER, default 127.0.0.1:5432 postgres)
#
# Needs: java, psql, curl, openssl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_host=${AOT_SMOKE_PG_HOST:-127.0.0.1}
pg_port=${AOT_SMOKE_PG_PORT:-5432}
pg_user=${AOT_SMOKE_PG_USER:-postgres}
db="customer_identity_aot_smoke_$(date +%s)_$$"
jar=$(find target -maxdepth 1 -name 'customer-identity-*.jar' ! -name '*.original' | head -n 1)
[ -n "$jar" ] || { echo "aot-smoke: no target/customer-identity-*.jar: run mvn package first" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
secret=$(openssl rand -hex 32)
url="http://127.0.0.1:$port"
log=$(mktemp)
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    rm -f "$log"
}
trap cleanup EXIT
fail() { cat "$log" >&2; echo "aot-smoke: $*" >&2; exit 1; }

psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $db"
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" SPRING_DATASOURCE_USERNAME="$pg_user" \
    CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
    CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$(openssl rand -base64 32)" SERVER_PORT="$port" \
    java -Dspring.aot.enabled=true -jar "$jar" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
    curl -sf "$url/actuator/health/readiness" > /dev/null && break
    kill -0 "$pid" 2> /dev/null || fail "the service stopped before it was ready"
    sleep 0.5
done
curl -sf "$url/actuator/health/readiness" > /dev/null || fail "not ready after 120 s"
grep -q "Starting AOT-processed" "$log" || fail "the service did not start in AOT mode"

token=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -t 300)
auth=(-H "Authorization: Bearer $token")
created=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$url/api/v1/customers" \
    -d '{"givenName":"Ada","familyName":"Lovelace","email":"ada@example.org"}') || fail "registration failed"
id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<< "$created")
read_back=$(curl -sf "${auth[@]}" "$url/api/v1/customers/$id") || fail "reading $id back failed"
python3 -c 'import json,sys; assert json.load(sys.stdin)["givenName"] == "Ada"' <<< "$read_back" \
    || fail "$id read back without its given name"
versions=$(curl -sf "${auth[@]}" "$url/api/v1/customers/$id/versions") || fail "the version list of $id failed"
python3 -c 'import json,sys; assert [v["version"] for v in json.load(sys.stdin)["items"]] == [1]' <<< "$versions" \
    || fail "the version list of $id is not [1]"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/customers/$id")
[ "$code" = 401 ] || fail "a request without a token got $code, not 401"
echo "aot-smoke: Spring AOT mode serves (registered and read back $id)"
