#!/usr/bin/env bash
# The subject-access export streams: the packaged jar, started with a fixed small heap (-Xmx256m, EXPORT_HEAP), exports
# a customer with 100,000 interactions (EXPORT_INTERACTIONS), each with a note, on a throwaway database. The export
# must arrive whole (valid JSON, every interaction in it) and the service must not run out of memory. Run after
# `mvn package`; takes a few minutes (the interactions are recorded through the batch API, 1,000 at a time).
#
#   scripts/export-heap.sh        (PostgreSQL: EXPORT_HEAP_PG_HOST/PORT/USER, default 127.0.0.1:5432 postgres)
#
# Needs: java, psql, curl, openssl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

name=export-heap
heap=${EXPORT_HEAP:-256m}
count=${EXPORT_INTERACTIONS:-100000}
. scripts/lib/throwaway-service.sh
secret=$(openssl rand -hex 32)
start_service CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
    CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_RATE=1000000000 CUSTOMER_IDENTITY_RATE_LIMITS_GENERAL_BURST=1000000000 \
    CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$(openssl rand -base64 32)" -- "-Xmx$heap" -XX:+ExitOnOutOfMemoryError

token=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -t 3600 \
    -s "customers:write interactions:write privacy:export")
auth=(-H "Authorization: Bearer $token")
created=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$url/api/v1/customers" \
    -d '{"givenName":"Ada","familyName":"Lovelace","email":"ada@example.org"}') || fail "registration failed"
id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<< "$created")

batch=$(mktemp)
cleanup_files+=("$batch")
for ((start = 0; start < count; start += 1000)); do
    python3 - "$id" "$start" "$count" > "$batch" <<'PY'
import json, sys
customer, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
items = [{"customerId": customer, "type": "NOTE", "channel": "PHONE", "source": "export-heap",
          "externalId": f"note-{n}", "occurredAt": f"2026-01-01T00:00:00.{n:06d}Z",
          "note": f"Note number {n}: " + "the customer said a great deal about the parcel. " * 12}
         for n in range(start, min(start + 1000, count))]
print(json.dumps({"items": items}))
PY
    curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$url/api/v1/interactions/batch" \
        --data-binary "@$batch" -o /dev/null || fail "recording interactions from $start failed"
done

export_file=$(mktemp)
cleanup_files+=("$export_file")
curl -sf "${auth[@]}" "$url/api/v1/customers/$id/export" -o "$export_file" || fail "the export failed"
kill -0 "$pid" 2> /dev/null || fail "the service died during the export (out of memory?)"
python3 - "$export_file" "$count" <<'PY' || fail "the export is incomplete"
import json, sys
document = json.load(open(sys.argv[1]))
count = int(sys.argv[2])
assert len(document["interactions"]) == count, f'{len(document["interactions"])} interactions, not {count}'
assert all("note" in i for i in document["interactions"]), "an interaction lost its note"
PY
echo "export-heap: exported $count interactions ($(wc -c < "$export_file") bytes) of $id with -Xmx$heap"
