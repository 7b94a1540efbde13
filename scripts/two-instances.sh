#!/usr/bin/env bash
# compose.yaml's topology on one machine without containers (issue 16): two production servers (`server.js`) on the same
# PostgreSQL behind Debian's nginx. For tests that need two instances (a shared rate limit, a job that must run once).
#
#   DATABASE_URL=postgresql://… scripts/two-instances.sh            # after `next build` (NEXT_DIST_DIR honoured)
#   PROXY_PORT=3106 APP1_PORT=3108 APP2_PORT=3109 (defaults) — loopback only. Ctrl-C / SIGTERM stops all three.
# The database must be migrated (npm run db:deploy). Needs nginx (apt-get install nginx-light). Other variables
# (NEXTAUTH_SECRET, PORTAL_URL, TERMINAL_AUTH_*, …) are passed through to both instances.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?set DATABASE_URL to a migrated PostgreSQL database}"
PROXY_PORT="${PROXY_PORT:-3106}"
APP1_PORT="${APP1_PORT:-3108}"
APP2_PORT="${APP2_PORT:-3109}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || { echo "nginx not found: apt-get install nginx-light" >&2; exit 1; }
[ -d "${NEXT_DIST_DIR:-.next}" ] || { echo "no build in ${NEXT_DIST_DIR:-.next}: run npx next build first" >&2; exit 1; }

export NODE_ENV=production
export PORTAL_URL="${PORTAL_URL:-http://127.0.0.1:$PROXY_PORT}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-$PORTAL_URL}"
export TRUSTED_PROXIES="${TRUSTED_PROXIES:-127.0.0.1}"

work="$(mktemp -d)"
mkdir -p "$work/logs"
cat >"$work/nginx.conf" <<CONF
daemon off;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  upstream portal {
    server 127.0.0.1:$APP1_PORT max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$APP2_PORT max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    client_max_body_size 10m;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout;
    }
  }
}
CONF

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 0' INT TERM

node server.js -H 127.0.0.1 -p "$APP1_PORT" & pids+=($!)
node server.js -H 127.0.0.1 -p "$APP2_PORT" & pids+=($!)
"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/logs/error.log" & pids+=($!)

for port in "$APP1_PORT" "$APP2_PORT"; do
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/api/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$port/api/health/ready" >/dev/null || { echo "instance on :$port not ready" >&2; exit 1; }
done
echo "two instances (:$APP1_PORT, :$APP2_PORT) behind nginx on http://127.0.0.1:$PROXY_PORT"
wait -n "${pids[@]}"
