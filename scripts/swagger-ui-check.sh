#!/usr/bin/env bash
# Swagger UI works for a support agent: starts the packaged jar with the dev profile on a throwaway database,
# registers a customer, and drives Swagger UI in Debian's Chromium with playwright-core (src/test/browser; never a
# downloaded browser): Authorize with a read token, "Read a customer" by a lenient form of the ID -> 200 and the name;
# the same with one digit changed -> the check-digit problem. Run after `mvn package`.
#
#   scripts/swagger-ui-check.sh   (PostgreSQL: SWAGGER_UI_PG_HOST/PORT/USER, default 127.0.0.1:5432 postgres;
#                                  CHROMIUM, default /usr/bin/chromium)
#
# Needs: java, psql, curl, openssl, python3, node and npm, chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_host=${SWAGGER_UI_PG_HOST:-127.0.0.1}
pg_port=${SWAGGER_UI_PG_PORT:-5432}
pg_user=${SWAGGER_UI_PG_USER:-postgres}
db="customer_identity_swagger_ui_$(date +%s)_$$"
jar=$(find target -maxdepth 1 -name 'customer-identity-*.jar' ! -name '*.original' | head -n 1)
[ -n "$jar" ] || { echo "swagger-ui-check: no target/customer-identity-*.jar: run mvn package first" >&2; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "swagger-ui-check: no ${CHROMIUM:-/usr/bin/chromium}" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
log=$(mktemp)
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    rm -f "$log"
}
trap cleanup EXIT
fail() { tail -n 60 "$log" >&2; echo "swagger-ui-check: $*" >&2; exit 1; }

(cd src/test/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)

psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "CREATE DATABASE $db"
SPRING_PROFILES_ACTIVE=dev SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" \
    SPRING_DATASOURCE_USERNAME="$pg_user" SERVER_PORT="$port" \
    java -jar "$jar" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
    curl -sf "$url/actuator/health/readiness" > /dev/null && break
    kill -0 "$pid" 2> /dev/null || fail "the service stopped before it was ready"
    sleep 0.5
done
curl -sf "$url/actuator/health/readiness" > /dev/null || fail "not ready after 120 s"

unset CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET   # the dev profile's secret: dev-token.sh's default
write_token=$(scripts/dev-token.sh -s customers:write)
created=$(curl -sf -H "Authorization: Bearer $write_token" -H 'Content-Type: application/json' \
    -X POST "$url/api/v1/customers" -d '{"givenName":"Grace","familyName":"Hopper"}') || fail "registration failed"
customer_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<< "$created")

BASE_URL="$url" READ_TOKEN="$(scripts/dev-token.sh -s customers:read)" CUSTOMER_ID="$customer_id" \
    GIVEN_NAME=Grace node src/test/browser/swagger-ui.test.mjs || fail "Swagger UI does not work for a support agent"
