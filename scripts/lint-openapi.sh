#!/usr/bin/env bash
# Lints the OpenAPI description with Redocly CLI's recommended rules.
# Lints target/openapi.json, which WireContractIntegrationTests writes on every `mvn verify`
# (the description the contract check used), or the file given as the first argument.
# Redocly CLI is installed from npm into a throwaway directory outside the project.
set -euo pipefail
cd "$(dirname "$0")/.."
description="${1:-target/openapi.json}"
if [[ ! -f "$description" ]]; then
  echo "No $description: run mvn verify (or -Dtest=WireContractIntegrationTests) first." >&2
  exit 2
fi
tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tools" @redocly/cli@2.77.0 >/dev/null
"$tools/node_modules/.bin/redocly" lint "$description" --format=stylish
