#!/bin/sh
# Stops the throwaway PostgreSQL that start-postgres.sh started.
set -eu
PGDIR=${PGDIR:-/tmp/sysward-pg}
PGVER=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)
[ -n "$PGVER" ] && [ -d "$PGDIR/data" ] || exit 0
RUN=""
[ "$(id -u)" = 0 ] && RUN="runuser -u postgres --"
$RUN "/usr/lib/postgresql/$PGVER/bin/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
