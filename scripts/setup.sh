#!/usr/bin/env bash
# One-step setup on a fresh machine: the Docker engine and sandbox images (scripts/docker-up.sh) and, in
# parallel, the npm dependencies and the CLI's build. Idempotent: quick when everything is already in place.
# Bandit (only `npm run bench -- cli` compares against it) is not installed: apt-get install -y bandit.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'setup: %s\n' "$*" >&2; }

# node-gyp must find Node's headers locally (the machines here cannot download them)
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ] && ! grep -qs '^nodedir' ~/.npmrc; then
  export npm_config_nodedir=/usr
fi

mkdir -p data
docker_log=data/docker-up.log
log "bringing up the Docker engine and sandbox images (log: $docker_log)"
bash scripts/docker-up.sh >"$docker_log.out" 2>"$docker_log" &
docker_pid=$!

if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
   && [ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  log "npm dependencies are up to date"
else
  log "installing npm dependencies (npm ci; native addons compile here, about 4 minutes on 2 cores)"
  npm ci --no-audit --no-fund
fi

# the dashboard (web/): built with Vite into web/dist, served by the service at /. Rebuilt only when a source
# (its own, the generated API client, the lock file) is newer than the build.
if [ -f web/dist/index.html ] && [ -z "$(find web/src web/index.html web/vite.config.ts web/tsconfig.json src/client package-lock.json \
     -newer web/dist/index.html -print -quit 2>/dev/null)" ]; then
  log "the dashboard build is up to date"
else
  log "building the dashboard (npm run build:web)"
  npm run --silent build:web
fi

# the CLI's build (dist/): rebuilt only when a source, package.json or the installed packages changed
log "building the CLI (dist/)"
node scripts/build.js --if-stale

if ! wait "$docker_pid"; then
  log "Docker bring-up failed; its log follows"
  tail -n 40 "$docker_log" >&2
  exit 1
fi
cat "$docker_log.out"

# headless Chromium for the API docs page and dashboard tests (Debian's package; browser downloads are unreachable here).
# After the Docker bring-up, which may use apt itself.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  log "installing chromium (apt) for the docs page and dashboard tests"
  if ! apt-get install -y --no-install-recommends chromium >data/chromium-install.log 2>&1; then
    apt-get update >>data/chromium-install.log 2>&1 && apt-get install -y --no-install-recommends chromium >>data/chromium-install.log 2>&1 \
      || log "chromium did not install (see data/chromium-install.log); the docs page test will say so"
  fi
fi

log "ready"
