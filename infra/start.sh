#!/usr/bin/env bash
# npm start: installs and provisions what is missing, builds, then brings up Kafka + FerretDB + the
# three apps with demo data. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/provision.sh all
echo "[start] building"
npx swc apps libs -d dist --ignore '**/*.spec.ts' -q
exec node -r @swc-node/register infra/stack/start-all.ts
