#!/usr/bin/env bash
# Starts (installing if needed) a local PostgreSQL for the test suite and prints the admin URL
# the tests use to create and drop their databases. Prints nothing and exits 1 if it cannot.
set -uo pipefail

ROLE=gongkai_test
PASS=gongkai_test
PORT=${GONGKAI_TEST_PG_PORT:-5432}

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing PostgreSQL from Debian packages"
    # Waits for dpkg's lock rather than failing (`make bench` installs its tools beside this).
    (apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql) >&2 || exit 1
  else
    log "PostgreSQL is not installed and cannot be installed here"; exit 1
  fi
fi

version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$version" ] || { log "no PostgreSQL server binaries found"; exit 1; }
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -q "^$version main$"; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2 || exit 1
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start >&2 || { log "cannot start cluster $version/main"; exit 1; }
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
for _ in $(seq 1 30); do
  as_postgres "psql -p $port -tAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 0.5
done
as_postgres "psql -p $port -v ON_ERROR_STOP=1 -qc \"DO \\\$\\\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASS';
  END IF; END \\\$\\\$;\"" >&2 || { log "cannot create the test role"; exit 1; }
# Leftovers of interrupted runs.
for db in $(as_postgres "psql -p $port -tAc \"SELECT datname FROM pg_database WHERE datname LIKE 'gk_t_%'\""); do
  as_postgres "psql -p $port -qc 'DROP DATABASE IF EXISTS $db WITH (FORCE)'" >&2
done
echo "postgres://$ROLE:$PASS@127.0.0.1:$port/postgres"
