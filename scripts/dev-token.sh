#!/usr/bin/env bash
# Mints a DEVELOPMENT HS256 JWT for calling the customer-identity API locally.
#
#   scripts/dev-token.sh [-s "customers:read customers:write"] [-u subject] [-t ttl_seconds] [-i issuer] [-a audience]
#
#   -s  scopes, space-separated (default: "customers:read customers:write customers:pii")
#   -u  subject, the "sub" claim (default: dev-user)
#   -t  lifetime in seconds (default: 3600)
#   -i  issuer, the "iss" claim (default: customer-identity-dev, as the dev profile and docker-compose expect)
#   -a  audience, the "aud" claim (default: customer-identity)
#
# The HMAC key is the raw UTF-8 bytes of $CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET, or of the
# publicly known development default when it is unset. Prints only the token, e.g.:
#   curl -H "Authorization: Bearer $(scripts/dev-token.sh)" http://localhost:8080/...
# Needs only openssl and coreutils.
set -euo pipefail

DEV_DEFAULT_SECRET='dev-only-insecure-hmac-secret-do-not-use-in-production'
secret="${CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET:-$DEV_DEFAULT_SECRET}"

scope='customers:read customers:write customers:pii'
subject='dev-user'
ttl=3600
issuer='customer-identity-dev'
audience='customer-identity'

usage() {
    sed -n '4,10p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}

while getopts ':s:u:t:i:a:h' opt; do
    case "$opt" in
        s) scope="$OPTARG" ;;
        u) subject="$OPTARG" ;;
        t) ttl="$OPTARG" ;;
        i) issuer="$OPTARG" ;;
        a) audience="$OPTARG" ;;
        h) usage 0 ;;
        :) echo "dev-token.sh: option -$OPTARG needs a value" >&2; usage ;;
        *) echo "dev-token.sh: unknown option -$OPTARG" >&2; usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || { echo "dev-token.sh: unexpected argument: $1" >&2; usage; }

[[ "$ttl" =~ ^[0-9]+$ ]] || { echo "dev-token.sh: ttl must be a whole number of seconds: $ttl" >&2; exit 2; }
[ -n "$secret" ] || { echo "dev-token.sh: empty HMAC secret" >&2; exit 2; }

# JSON string escaping for the free-text claims (backslash, double quote, control characters).
json_string() {
    local s="$1" out='' c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in
            '"') out+='\"' ;;
            '\') out+='\\' ;;
            $'\n') out+='\n' ;;
            $'\r') out+='\r' ;;
            $'\t') out+='\t' ;;
            *)
                if [[ "$c" == [[:cntrl:]] ]]; then
                    out+=$(printf '\\u%04x' "'$c")
                else
                    out+="$c"
                fi
                ;;
        esac
    done
    printf '"%s"' "$out"
}

b64url() { base64 -w 0 | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
exp=$((now + ttl))

header='{"alg":"HS256","typ":"JWT"}'
payload=$(printf '{"sub":%s,"scope":%s,"iss":%s,"aud":%s,"iat":%d,"exp":%d}' \
    "$(json_string "$subject")" "$(json_string "$scope")" "$(json_string "$issuer")" "$(json_string "$audience")" \
    "$now" "$exp")

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -mac HMAC -macopt "key:$secret" -binary | b64url)

printf '%s.%s\n' "$signing_input" "$signature"
