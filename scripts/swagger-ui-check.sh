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

name=swagger-ui
. scripts/lib/throwaway-service.sh
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "swagger-ui-check: no ${CHROMIUM:-/usr/bin/chromium}" >&2; exit 1; }

(cd src/test/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)

start_service SPRING_PROFILES_ACTIVE=dev

unset CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET   # the dev profile's secret: dev-token.sh's default
write_token=$(scripts/dev-token.sh -s customers:write)
created=$(curl -sf -H "Authorization: Bearer $write_token" -H 'Content-Type: application/json' \
    -X POST "$url/api/v1/customers" -d '{"givenName":"Grace","familyName":"Hopper"}') || fail "registration failed"
customer_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<< "$created")

BASE_URL="$url" READ_TOKEN="$(scripts/dev-token.sh -s customers:read)" CUSTOMER_ID="$customer_id" \
    GIVEN_NAME=Grace node src/test/browser/swagger-ui.test.mjs || fail "Swagger UI does not work for a support agent"
