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

name=aot-smoke
. scripts/lib/throwaway-service.sh
secret=$(openssl rand -hex 32)
start_service CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
    CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$(openssl rand -base64 32)" -- -Dspring.aot.enabled=true
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
