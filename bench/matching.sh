#!/usr/bin/env bash
# Duplicate detection on the FEBRL record-linkage datasets, through the API (README "Duplicates").
#
#   bench/matching.sh          both datasets (1: 1,000 records; 2: 5,000), each on a fresh throwaway database
#   MATCHING_DATASETS=1 bench/matching.sh
#   MATCHING_BUILD=1 bench/matching.sh   (build the jar first; otherwise run `mvn package` before)
#
# For each dataset: the packaged jar on a throwaway database (rate limits off: the run is one caller asking 6,000
# questions), every record registered, every customer's duplicates asked for (bench/matching.py); prints precision,
# recall and F1 over the true pairs at the default min-score, the best F1 over thresholds, and the duplicates call's
# latency (median, p99). The datasets are the project's copies in src/test/resources/febrl/. Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${MATCHING_BUILD:-0}" = 1 ]; then mvn -B -q -DskipTests package; fi
for dataset in ${MATCHING_DATASETS:-1 2}; do
    (
        name=matching
        . scripts/lib/throwaway-service.sh
        secret=$(openssl rand -hex 32)
        start_service CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" \
            CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY="$(openssl rand -base64 32)" \
            CUSTOMER_IDENTITY_RATE_LIMITS_ENABLED=false --
        token=$(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET="$secret" scripts/dev-token.sh -t 7200 \
            -s "customers:read customers:write")
        echo "FEBRL dataset $dataset"
        python3 bench/matching.py "$url" "$token" "src/test/resources/febrl/dataset$dataset.csv" \
            || fail "the measurement failed"
    )
done
