#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks: initdb into a temporary folder, started on a free
# loopback port as an unprivileged user, stopped and deleted by pmx_postgres_stop. Source this file, then call
# pmx_postgres_start; it exports PMX_TEST_POSTGRES (an administrator connection string) on success.

pmx_postgres_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

pmx_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pmx_postgres_start() {
    local bin
    bin="$(pmx_postgres_bin)" || { echo "PostgreSQL's initdb was not found (Debian package postgresql)."; return 1; }
    PMX_PG_DIR="$(mktemp -d /tmp/pmx-pg.XXXXXX)"
    PMX_PG_USER="$(id -un)"
    local as=()
    if [ "$(id -u)" -eq 0 ]; then
        # The server refuses to run as root.
        PMX_PG_USER=postgres
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown "$PMX_PG_USER" "$PMX_PG_DIR"
        as=(runuser -u "$PMX_PG_USER" --)
    fi
    PMX_PG_PORT="$(pmx_free_port)"
    "${as[@]}" "$bin/initdb" -D "$PMX_PG_DIR/data" -U pmx -A trust -E UTF8 --no-locale >"$PMX_PG_DIR/initdb.log" 2>&1 \
        || { cat "$PMX_PG_DIR/initdb.log"; return 1; }
    # fsync off: a throwaway cluster needs no durability against power loss; a killed client process (R14) still
    # finds every committed row, which is what the tests check.
    "${as[@]}" "$bin/pg_ctl" -D "$PMX_PG_DIR/data" -l "$PMX_PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PMX_PG_PORT -k $PMX_PG_DIR -c max_connections=400 -c fsync=off -c full_page_writes=off -c shared_buffers=256MB" \
        start >/dev/null || { cat "$PMX_PG_DIR/server.log"; return 1; }
    export PMX_TEST_POSTGRES="Host=127.0.0.1;Port=$PMX_PG_PORT;Username=pmx;Database=postgres;Pooling=true;Maximum Pool Size=50;Timeout=30;Command Timeout=120"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PMX_PG_PORT (data in $PMX_PG_DIR)"
}

pmx_postgres_stop() {
    [ -n "${PMX_PG_DIR:-}" ] || return 0
    local bin as=()
    bin="$(pmx_postgres_bin)"
    [ "$(id -u)" -eq 0 ] && as=(runuser -u "$PMX_PG_USER" --)
    "${as[@]}" "$bin/pg_ctl" -D "$PMX_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PMX_PG_DIR"
    unset PMX_PG_DIR PMX_TEST_POSTGRES
}
