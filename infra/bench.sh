#!/usr/bin/env bash
# npm run bench: provisions and builds like npm start, then runs bench/run.ts against a fresh local stack.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/provision.sh services
bash infra/provision.sh node
npx swc apps libs -d dist --ignore '**/*.spec.ts' -q
exec node -r @swc-node/register bench/run.ts "$@"
