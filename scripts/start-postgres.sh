#!/bin/sh
# Starts a throwaway PostgreSQL on loopback for the test suite and prints its URL.
# Installs postgresql (Debian) when missing and we are root. Idempotent: an instance already
# answering on the port is reused.
set -eu
PGPORT=${PGPORT:-55432}
PGDIR=${PGDIR:-/tmp/sysward-pg}
PGVER=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)
PGBIN=/usr/lib/postgresql/$PGVER/bin

if [ -z "$PGVER" ] || [ ! -x "$PGBIN/initdb" ]; then
  if [ "$(id -u)" != 0 ]; then echo "PostgreSQL is not installed and we are not root" >&2; exit 1; fi
  echo "installing PostgreSQL..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  PGVER=$(ls /usr/lib/postgresql | sort -n | tail -1)
  PGBIN=/usr/lib/postgresql/$PGVER/bin
fi

URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" 2>/dev/null; then echo "$URL"; exit 0; fi

id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
rm -rf "$PGDIR"
install -d -o postgres -g postgres -m 700 "$PGDIR"
RUN=""
[ "$(id -u)" = 0 ] && RUN="runuser -u postgres --"
$RUN "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1
# Durability is pointless for throwaway test data; these settings make the suite much faster.
$RUN "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2
echo "$URL"
