#!/usr/bin/env bash
# Installs everything the local stack needs, once, into the git-ignored .infra/ folder (or, for
# Debian's packages, into the system): node modules, Debian's chromium, PostgreSQL 15 and poppler-utils,
# the Kafka broker jars (Maven Central), FerretDB (Go module proxy) and schemathesis (PyPI, in a virtualenv).
# Safe to run again: each step checks its own marker and returns at once when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CACHE="$ROOT/.infra"
FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.1}"
SCHEMATHESIS_VERSION="4.32.5"
mkdir -p "$CACHE/bin" "$CACHE/kafka"

step() { printf '[provision] %s\n' "$*"; }
fail() {
  printf '[provision] FAILED at step "%s": %s\n' "$1" "$2" >&2
  printf '[provision] what to do: %s\n' "$3" >&2
  exit 1
}

provision_node_modules() {
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  step "installing node modules (npm ci)"
  PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund >"$CACHE/npm-ci.log" 2>&1 ||
    fail "node modules" "npm ci failed (log: .infra/npm-ci.log)" "check the npm registry is reachable and package-lock.json is committed"
}

# Debian packages: chromium (PDF rendering with puppeteer), PostgreSQL 15 (FerretDB's backend) and
# poppler-utils (pdftotext, to check PDFs in tests). One apt-get for whatever is missing.
provision_debian_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  [ ${#missing[@]} -eq 0 ] && return
  step "installing Debian packages: ${missing[*]}"
  command -v apt-get >/dev/null 2>&1 ||
    fail "debian packages" "apt-get is not available to install ${missing[*]}" "install them by hand (PostgreSQL 15 under /usr/lib/postgresql/15/bin)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # The stack runs its own PostgreSQL cluster; the package must not create and start a system one.
  if [[ " ${missing[*]} " == *" postgresql-15 "* ]]; then
    $sudo mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"; } \
    >"$CACHE/apt.log" 2>&1 ||
    fail "debian packages" "apt-get install ${missing[*]} failed (log: .infra/apt.log)" "run as root or with sudo, and check the Debian mirror is reachable"
}

provision_kafka() {
  if [ -f "$CACHE/kafka/libs/.complete" ] && [ "$CACHE/kafka/libs/.complete" -nt infra/kafka/pom.xml ]; then return; fi
  step "resolving the Kafka broker jars from Maven Central"
  command -v mvn >/dev/null 2>&1 || fail "kafka" "mvn is not on PATH" "install Maven 3 (apt-get install maven)"
  command -v java >/dev/null 2>&1 || fail "kafka" "java is not on PATH" "install a JDK 17 or newer"
  rm -rf "$CACHE/kafka/libs"
  mvn -q -B -f infra/kafka/pom.xml dependency:copy-dependencies \
    -DoutputDirectory="$CACHE/kafka/libs" -DincludeScope=runtime >"$CACHE/mvn.log" 2>&1 ||
    fail "kafka" "maven could not resolve the broker (log: .infra/mvn.log)" "check Maven Central is reachable"
  touch "$CACHE/kafka/libs/.complete"
}

# `go install …/ferretdb@version` builds a binary that panics at start: the module as published lacks
# build/version/version.txt. So build from a copy of the module source with that file written.
provision_ferretdb() {
  if [ -x "$CACHE/bin/ferretdb" ] && "$CACHE/bin/ferretdb" --version 2>/dev/null | grep -q "${FERRETDB_VERSION}"; then return; fi
  step "building FerretDB ${FERRETDB_VERSION} from the Go module proxy"
  command -v go >/dev/null 2>&1 || fail "ferretdb" "go is not on PATH" "install Go 1.22 or newer"
  local src
  src=$(cd "$CACHE" && go mod download -json "github.com/FerretDB/FerretDB@${FERRETDB_VERSION}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])') ||
    fail "ferretdb" "go mod download of FerretDB ${FERRETDB_VERSION} failed" "check the Go module proxy is reachable, or set FERRETDB_VERSION to another v1.24.x"
  rm -rf "$CACHE/ferretdb-src"
  cp -r "$src" "$CACHE/ferretdb-src"
  chmod -R u+w "$CACHE/ferretdb-src"
  echo "${FERRETDB_VERSION}" >"$CACHE/ferretdb-src/build/version/version.txt"
  (cd "$CACHE/ferretdb-src" && go build -o "$CACHE/bin/ferretdb" ./cmd/ferretdb) >"$CACHE/go-build.log" 2>&1 ||
    fail "ferretdb" "go build failed (log: .infra/go-build.log)" "check the Go module proxy is reachable"
  rm -rf "$CACHE/ferretdb-src"
}

# The property-based OpenAPI checker the API-contract tests run (infra/schemathesis.sh), in its own
# virtualenv so nothing is installed into the system Python.
provision_schemathesis() {
  local venv="$CACHE/schemathesis"
  if [ -x "$venv/bin/schemathesis" ] && "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "version ${SCHEMATHESIS_VERSION}$"; then return; fi
  step "installing schemathesis ${SCHEMATHESIS_VERSION} (PyPI) into .infra/schemathesis"
  command -v python3 >/dev/null 2>&1 || fail "schemathesis" "python3 is not on PATH" "install Python 3.9 or newer"
  rm -rf "$venv"
  python3 -m venv "$venv" >"$CACHE/schemathesis-install.log" 2>&1 ||
    fail "schemathesis" "python3 -m venv failed (log: .infra/schemathesis-install.log)" "install the venv module (apt-get install python3-venv)"
  "$venv/bin/pip" install --disable-pip-version-check --quiet "schemathesis==${SCHEMATHESIS_VERSION}" >>"$CACHE/schemathesis-install.log" 2>&1 ||
    fail "schemathesis" "pip could not install schemathesis==${SCHEMATHESIS_VERSION} (log: .infra/schemathesis-install.log)" "check PyPI is reachable"
}

what="${1:-all}"
case "$what" in
  node) provision_node_modules ;;
  services) provision_debian_packages; provision_kafka; provision_ferretdb ;;
  schemathesis) provision_schemathesis ;;
  all) provision_node_modules; provision_debian_packages; provision_kafka; provision_ferretdb; provision_schemathesis ;;
  *) echo "usage: infra/provision.sh [all|node|services|schemathesis]" >&2; exit 2 ;;
esac
step "ready ($what)"
