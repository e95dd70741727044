#!/usr/bin/env bash
# Checks that a running app's OpenAPI description says what the server really accepts: schemathesis
# generates requests from the description (valid ones and ones that break it) and fails on a server
# error, a schema-valid request refused, a schema-breaking request accepted, or an answer the
# description does not list. Run by the API-contract integration tests (`npm test`); by hand:
#
#   bash infra/schemathesis.sh http://127.0.0.1:3001/docs-json [--token TOKEN]
#
# A bearer token (for apps that require one) comes from --token or SCHEMATHESIS_TOKEN. The number of
# examples per operation is SCHEMATHESIS_MAX_EXAMPLES (default 20) and the seed SCHEMATHESIS_SEED, so
# a failure can be replayed exactly.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: infra/schemathesis.sh OPENAPI_URL [--token TOKEN]" >&2; exit 2; }
[ $# -ge 1 ] || usage
schema_url="$1"
shift
token="${SCHEMATHESIS_TOKEN:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --token) [ $# -ge 2 ] || usage; token="$2"; shift 2 ;;
    *) usage ;;
  esac
done

bash infra/provision.sh schemathesis >/dev/null
auth=()
[ -n "$token" ] && auth=(--header "Authorization: Bearer ${token}")

exec .infra/schemathesis/bin/schemathesis --config-file infra/schemathesis.toml run "$schema_url" \
  --phases examples,coverage,fuzzing \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-20}" \
  --seed "${SCHEMATHESIS_SEED:-1}" \
  --workers 1 \
  --request-timeout 10 \
  --no-color \
  --output-sanitize false \
  "${auth[@]}"
