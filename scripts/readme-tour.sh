#!/usr/bin/env bash
# Runs every shell example of README.md, in order, against a fresh development-like instance: the packaged jar with
# the dev profile (development token secret and master key) on a throwaway database. Fails at the first example that
# stops working: an HTTP status of 400 or more, a curl error, or an answer without the field an example takes from it.
# A ```bash block preceded by a line `<!-- readme-tour: skip (why) -->` is not run. Run after `mvn package`.
#
#   scripts/readme-tour.sh      (PostgreSQL: README_TOUR_PG_HOST/PORT/USER, default 127.0.0.1:5432 postgres)
#
# Needs: java, psql, curl, openssl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

name=readme-tour
. scripts/lib/throwaway-service.sh
tour=$(mktemp)
cleanup_files+=("$tour")

# The README's examples, each block introduced by the README line it starts on; localhost:8080 becomes our port.
python3 - "$port" > "$tour" << 'PY'
import sys
port = sys.argv[1]
lines = open("README.md", encoding="utf-8").read().split("\n")
print(r'''set -euo pipefail
tour_line=0
trap 'echo "readme-tour: the example in README.md at line $tour_line failed: $BASH_COMMAND" >&2' ERR
# curl as the README uses it, but an HTTP error or a failed connection fails the tour.
curl() {
    local body status
    body=$(mktemp)
    status=$(command curl -sS -o "$body" -w '%{http_code}' "$@") || { rm -f "$body"; return 1; }
    cat "$body"
    rm -f "$body"
    printf '\n' >&2
    if [ "$status" -ge 400 ]; then
        echo "readme-tour: HTTP $status from the example in README.md at line $tour_line" >&2
        return 1
    fi
}''')
previous, block, start = "", None, 0
for number, line in enumerate(lines, 1):
    if block is None:
        if line.strip() == "```bash":
            block, start = [], number
            skipped = previous.startswith("<!-- readme-tour: skip")
        elif line.strip():
            previous = line.strip()
    elif line.strip() == "```":
        if not skipped:
            print(f'\ntour_line={start}\necho "==> README.md line {start}" >&2')
            print("\n".join(block).replace("localhost:8080", "127.0.0.1:" + port))
        block, previous = None, ""
    else:
        block.append(line)
print('\necho "readme-tour: every example of README.md ran" >&2')
PY
grep -q 'tour_line=' "$tour" || { echo "readme-tour: found no examples in README.md" >&2; exit 1; }

# The dev profile as mvn spring-boot:run has it (scripts/dev-token.sh signs for it), with a throwaway database instead
# of the embedded one, which the jar does not contain.
start_service SPRING_PROFILES_ACTIVE=dev

env -u CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET bash "$tour" || fail "an example of README.md stopped working"
