#!/usr/bin/env bash
# Runs every test of citybrain, unit and integration (`mvn -B verify`), on a Debian 12 machine
# that has only JDK 17 and Maven 3.8+. Before that it
#   1. installs the Debian packages in scripts/test-packages.txt that are missing (Chromium,
#      ChromeDriver, PostgreSQL, ...),
#   2. starts the local PostgreSQL cluster when nothing listens on 127.0.0.1:5432, lets user
#      postgres into database `test` from loopback without a password (one pg_hba.conf line for
#      that user and database only) and creates database `test`.
# Steps 1 and 2 need root: the script uses sudo when it does not run as root, and does nothing
# as root when nothing is missing. With CITYBRAIN_TEST_PG_URL set (a JDBC URL), step 2 is left out
# and the tests use that server instead.
# Arguments go to Maven: scripts/test-all.sh -pl platform -am
# The fast loop needs none of this and runs anywhere: mvn test
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=127.0.0.1
PG_PORT=5432
PG_HBA_MARK="# citybrain scripts/test-all.sh: the integration tests' database, no password from loopback"

say() { echo "test-all.sh: $*"; }
die() {
  echo "test-all.sh: $*" >&2
  exit 1
}

command -v java > /dev/null || die "java not found: install JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)"
command -v mvn > /dev/null || die "mvn not found: install Maven 3.8 or later (Debian: apt-get install maven)"

# Runs a command as root: directly, or through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo > /dev/null; then
    sudo "$@"
  else
    die "needs root to run '$*': run this script as root, or install sudo"
  fi
}

install_packages() {
  local wanted missing=()
  wanted=$(sed -e 's/#.*//' scripts/test-packages.txt | tr -s ' \t' '\n\n' | sed '/^$/d')
  command -v dpkg-query > /dev/null ||
    die "not a Debian system (no dpkg-query): install by hand what scripts/test-packages.txt lists, or run only the unit tests (mvn test) or skip the integration tests (mvn verify -DskipITs)"
  for p in $wanted; do
    dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages present: $(echo $wanted)"
    return
  fi
  say "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}"
}

# The Debian cluster ("VERSION NAME") configured for port 5432, the newest if several.
local_cluster() {
  pg_lsclusters -h 2> /dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2 }' | sort -V | tail -n 1
}

pg_accepts_test_user() {
  PGCONNECT_TIMEOUT=5 psql -X -q -w "host=$PG_HOST port=$PG_PORT user=postgres dbname=test" -c 'select 1' > /dev/null 2>&1
}

prepare_postgresql() {
  if [ -n "${CITYBRAIN_TEST_PG_URL:-}" ]; then
    say "PostgreSQL: using CITYBRAIN_TEST_PG_URL, not the local server"
    return
  fi
  local cluster
  cluster=$(local_cluster)
  if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    if [ -z "$cluster" ]; then
      local version
      version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
      [ -n "$version" ] || die "PostgreSQL server not installed (/usr/lib/postgresql is empty)"
      say "creating PostgreSQL cluster $version main on port $PG_PORT"
      as_root pg_createcluster --port "$PG_PORT" "$version" main
      cluster="$version main"
    fi
    say "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086 # "VERSION NAME" is two arguments
    as_root pg_ctlcluster $cluster start
    for _ in $(seq 1 30); do
      pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break
      sleep 1
    done
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL cluster $cluster started but does not accept connections on $PG_HOST:$PG_PORT; see /var/log/postgresql/"
  fi
  if pg_accepts_test_user; then
    say "PostgreSQL on $PG_HOST:$PG_PORT lets user postgres into database test"
    return
  fi
  [ -n "$cluster" ] ||
    die "the PostgreSQL server on $PG_HOST:$PG_PORT is not a local Debian cluster and does not let user postgres into database test without a password; allow that (trust) or set CITYBRAIN_TEST_PG_URL to a JDBC URL of a server the tests may use"
  # shellcheck disable=SC2086
  set -- $cluster
  local hba="/etc/postgresql/$1/$2/pg_hba.conf"
  if ! as_root grep -qF "$PG_HBA_MARK" "$hba"; then
    # First matching line wins, so these go on top; they cover only database test, user postgres.
    say "allowing user postgres into database test from loopback without a password ($hba)"
    as_root sed -i "1i $PG_HBA_MARK\nhost test postgres 127.0.0.1/32 trust\nhost test postgres ::1/128 trust" "$hba"
    as_root pg_ctlcluster "$1" "$2" reload
  fi
  if ! as_root runuser -u postgres -- psql -X -q -p "$PG_PORT" -tAc "select 1 from pg_database where datname = 'test'" | grep -q 1; then
    say "creating database test"
    as_root runuser -u postgres -- createdb -p "$PG_PORT" test
  fi
  pg_accepts_test_user || die "PostgreSQL on $PG_HOST:$PG_PORT still refuses user postgres into database test; see $hba and /var/log/postgresql/"
  say "PostgreSQL on $PG_HOST:$PG_PORT lets user postgres into database test"
}

# in full: `| head` would close the pipe early and, with pipefail, fail the script
java -version
mvn -v
install_packages
prepare_postgresql
exec mvn -B verify "$@"
