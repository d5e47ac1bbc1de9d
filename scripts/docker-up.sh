#!/usr/bin/env bash
# docker-up.sh: make sure a Docker engine answers and the sandbox images exist.
#
# Engine, first that applies:
#   1. DOCKER_HOST set in the environment: that engine, or fail (nothing is installed).
#   2. the private engine on $AGENT_FACTORY_RUN_DIR/docker.sock (default /run/agent-factory).
#   3. the machine's normal engine on /var/run/docker.sock.
#   4. otherwise (root only): install Debian's docker.io if dockerd is missing and start a
#      private, self-contained dockerd (own socket, data root, exec root, containerd
#      namespace; no bridge, no iptables) in the background.
# Images: every sandbox-images/<name>/ with a VERSION file becomes agent-factory/<name>:<VERSION>
# and :latest, rebuilt when the tag is missing or its io.agent-factory.version label differs
# from VERSION. Offline by default (mmdebstrap + docker import); with AGENT_FACTORY_USE_REGISTRY=1
# and a registry that answers, an ordinary `docker build` of the Dockerfile.
#
# Progress goes to stderr; the last line on stdout is DOCKER_HOST=<engine in use>, so
#   eval "$(bash scripts/docker-up.sh)"  or  export "$(bash scripts/docker-up.sh | tail -n1)"
# points the docker CLI at it. Idempotent; about a second when everything is up.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bash scripts/docker-up.sh [--rebuild] [--no-images] [--help]

Make sure a Docker engine answers (DOCKER_HOST, else the private engine, else
/var/run/docker.sock, else install docker.io and start a private dockerd) and that the
sandbox images agent-factory/<name>:<VERSION> from sandbox-images/*/ are built.
Prints DOCKER_HOST=<uri> on stdout; progress on stderr.

Options:
  --rebuild     rebuild every sandbox image even if its tag and version label match
  --no-images   only bring the engine up; do not check or build images
  -h, --help    show this help

Environment (defaults in brackets):
  DOCKER_HOST                    use exactly this engine; fail if it does not answer
  AGENT_FACTORY_RUN_DIR          [/run/agent-factory] socket, pid file, exec root, lock
  AGENT_FACTORY_DOCKER_ROOT      [/var/lib/agent-factory/docker] private dockerd --data-root
  AGENT_FACTORY_EXEC_ROOT        [$AGENT_FACTORY_RUN_DIR/exec] private dockerd --exec-root
  AGENT_FACTORY_DOCKERD_LOG      [/var/log/agent-factory-dockerd.log]
  AGENT_FACTORY_STORAGE_DRIVER   [overlay2, falling back to vfs] force a storage driver
  AGENT_FACTORY_DOCKERD_TIMEOUT  [30] seconds to wait for a started dockerd to answer
  AGENT_FACTORY_IMAGES_DIR       [<repo>/sandbox-images]
  AGENT_FACTORY_USE_REGISTRY     [0] 1: try `docker pull debian:bookworm-slim`, then docker build
  AGENT_FACTORY_DEBIAN_MIRROR    [host's bookworm debian.sources, else deb.debian.org] mirror
                                 URI or sources file for the offline (mmdebstrap) build
EOF
}

REBUILD=0
IMAGES=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) REBUILD=1 ;;
    --no-images) IMAGES=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "docker-up: unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "docker-up: $*" >&2; }
die() { echo "docker-up: error: $*" >&2; exit 1; }

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGES_DIR="${AGENT_FACTORY_IMAGES_DIR:-$REPO_DIR/sandbox-images}"
RUN_DIR="${AGENT_FACTORY_RUN_DIR:-/run/agent-factory}"
DOCKER_ROOT="${AGENT_FACTORY_DOCKER_ROOT:-/var/lib/agent-factory/docker}"
EXEC_ROOT="${AGENT_FACTORY_EXEC_ROOT:-$RUN_DIR/exec}"
PRIVATE_SOCK="$RUN_DIR/docker.sock"
PIDFILE="$RUN_DIR/dockerd.pid"
DOCKERD_LOG="${AGENT_FACTORY_DOCKERD_LOG:-/var/log/agent-factory-dockerd.log}"
START_TIMEOUT="${AGENT_FACTORY_DOCKERD_TIMEOUT:-30}"
SUITE=bookworm
MERGED_USR_HOOKS=/usr/share/mmdebstrap/hooks/merged-usr

export DEBIAN_FRONTEND=noninteractive
WORK_DIR=""
cleanup() {
  local rc=$?
  if [ -n "$WORK_DIR" ]; then
    # Keep the logs of a failed run; drop any half-written tarball.
    if [ "$rc" = 0 ]; then rm -rf "$WORK_DIR"; else rm -f "$WORK_DIR"/*.tar; log "logs kept in $WORK_DIR"; fi
  fi
}
trap cleanup EXIT
work_dir() {
  if [ -z "$WORK_DIR" ]; then WORK_DIR="$(mktemp -d "${TMPDIR:-/var/tmp}/agent-factory-docker-up.XXXXXX")"; fi
}
is_root() { [ "$(id -u)" = 0 ]; }

# ---------------------------------------------------------------------------------------------
# One docker-up at a time (a second one waits, e.g. parallel test workers). Best effort: when
# the lock file cannot be created (non-root, no run dir) we go on without it.
LOCK_FILE="$RUN_DIR/docker-up.lock"
if command -v flock >/dev/null 2>&1; then
  if is_root; then mkdir -p "$RUN_DIR" 2>/dev/null || true; fi
  if { exec 9>>"$LOCK_FILE"; } 2>/dev/null; then
    if ! flock -n 9; then
      log "waiting for another docker-up to finish…"
      flock -w 1800 9 || die "another docker-up held $LOCK_FILE for 30 minutes"
    fi
  fi
fi

# Does the engine at $1 (a DOCKER_HOST uri) answer? Unix sockets that do not exist are
# rejected without running the client.
answers() {
  local host="$1"
  case "$host" in
    unix://*) [ -S "${host#unix://}" ] || return 1 ;;
  esac
  DOCKER_HOST="$host" timeout 10 docker info --format '{{.ServerVersion}}' >/dev/null 2>&1
}

# apt-get with its output in a log; the tail of the log on failure.
APT_UPDATED=0
apt_install() {
  is_root || die "installing $* needs root (run: sudo bash scripts/docker-up.sh)"
  command -v apt-get >/dev/null 2>&1 || die "no apt-get here: install $* yourself"
  work_dir
  local apt_log="$WORK_DIR/apt.log"
  if [ "$APT_UPDATED" = 0 ]; then
    if ! apt-get update >>"$apt_log" 2>&1; then
      tail -n 20 "$apt_log" >&2; die "apt-get update failed"
    fi
    APT_UPDATED=1
  fi
  if ! apt-get install -y --no-install-recommends "$@" >>"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2; die "apt-get install $* failed"
  fi
}

# ---------------------------------------------------------------------------------------------
# Private engine.

# Is pid $1 a live (not zombie) dockerd? Without an init that reaps, a dead dockerd can
# linger as a zombie, which `kill -0` still reports as alive.
# The end of the dockerd log without its chatty info lines.
show_log_tail() {
  echo "docker-up: last warnings/errors in $DOCKERD_LOG:" >&2
  tail -n 400 "$DOCKERD_LOG" 2>/dev/null | grep -vE 'level=(info|debug)' | tail -n 15 >&2 || true
}

alive() { # pid exists and is not a zombie
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  case "${stat##*) }" in Z*|X*) return 1 ;; esac
}
live_dockerd() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  case "$stat" in
    *"(dockerd) Z"*|*"(dockerd) X"*) return 1 ;;
    *"(dockerd) "*) return 0 ;;
    *) return 1 ;;
  esac
}
start_private_dockerd() {
  local driver="$1" log_start pid
  mkdir -p "$RUN_DIR" "$EXEC_ROOT" "$DOCKER_ROOT" "$(dirname "$DOCKERD_LOG")"
  chmod 0711 "$RUN_DIR" 2>/dev/null || true
  touch "$DOCKERD_LOG"
  log_start=$(( $(stat -c %s "$DOCKERD_LOG") + 1 ))
  # A stale socket makes dockerd fail; a stale pid file is removed by dockerd only if the
  # pid is gone, which the caller has checked.
  rm -f "$PRIVATE_SOCK"
  # setsid: own session, survives this script and its terminal. Every fd is redirected
  # (fd 9 is the lock) so that `$(docker-up.sh)` does not wait for dockerd to exit.
  setsid dockerd \
    -H "unix://$PRIVATE_SOCK" \
    --data-root "$DOCKER_ROOT" \
    --exec-root "$EXEC_ROOT" \
    --pidfile "$PIDFILE" \
    --containerd-namespace agent-factory \
    --containerd-plugins-namespace agent-factory-plugins \
    --iptables=false --ip-masq=false --bridge=none \
    --storage-driver "$driver" \
    </dev/null >>"$DOCKERD_LOG" 2>&1 9>&- &
  pid=$!
  disown "$pid" 2>/dev/null || true

  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  while :; do
    if answers "unix://$PRIVATE_SOCK"; then return 0; fi
    # ($pid is setsid, which execs dockerd: setsid only forks when it is a process-group
    # leader, which a background job of a script is not; the pid file covers that case.)
    if ! alive "$pid" && ! live_dockerd "$(cat "$PIDFILE" 2>/dev/null || echo 0)"; then
      # dockerd exited. Tell the caller whether the storage driver was the reason.
      if tail -c +"$log_start" "$DOCKERD_LOG" | grep -iE 'error|fatal|fail' \
          | grep -qiE 'graphdriver|storage.driver|overlay'; then
        return 3
      fi
      return 2
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then return 4; fi
    sleep 0.2
  done
}

ensure_private_engine() {
  is_root || die "no Docker engine answers (tried unix://$PRIVATE_SOCK and unix:///var/run/docker.sock); starting a private one needs root: sudo bash scripts/docker-up.sh, or set DOCKER_HOST"

  if ! command -v dockerd >/dev/null 2>&1; then
    log "installing docker.io from Debian (about 25 s)…"
    local t0=$SECONDS
    apt_install docker.io
    command -v dockerd >/dev/null 2>&1 || die "docker.io is installed but dockerd is not on PATH"
    log "installed $(dockerd --version 2>/dev/null | head -n1) in $(( SECONDS - t0 )) s"
  fi
  command -v docker >/dev/null 2>&1 || die "dockerd is installed but the docker client is missing"

  # Our dockerd already running (still starting up, or shutting down)? Wait for it to
  # answer or to exit rather than start a second one on the same data root.
  if [ -s "$PIDFILE" ]; then
    local old i
    old="$(cat "$PIDFILE" 2>/dev/null || true)"
    if [ -n "$old" ] && live_dockerd "$old"; then
      log "private dockerd (pid $old) is running but not answering; waiting for it to answer or exit…"
      for (( i = 0; i < START_TIMEOUT * 5; i++ )); do
        if answers "unix://$PRIVATE_SOCK"; then return 0; fi
        live_dockerd "$old" || break
        sleep 0.2
      done
      if live_dockerd "$old"; then
        show_log_tail
        die "private dockerd (pid $old) does not answer on unix://$PRIVATE_SOCK; see $DOCKERD_LOG (stop it with: kill $old)"
      fi
      # It exited; it removes its pid file last, give it a moment.
      for (( i = 0; i < 25; i++ )); do [ -e "$PIDFILE" ] || break; sleep 0.2; done
      log "private dockerd (pid $old) exited; starting a new one"
    fi
    rm -f "$PIDFILE"
  fi

  local driver="${AGENT_FACTORY_STORAGE_DRIVER:-overlay2}" rc=0 t0=$SECONDS
  log "starting a private dockerd (storage driver $driver) on unix://$PRIVATE_SOCK, log $DOCKERD_LOG…"
  start_private_dockerd "$driver" || rc=$?
  if [ "$rc" = 3 ] && [ -z "${AGENT_FACTORY_STORAGE_DRIVER:-}" ] && [ "$driver" = overlay2 ]; then
    log "WARNING: dockerd failed with overlay2; falling back to vfs (works, but every container costs seconds more)"
    driver=vfs rc=0
    start_private_dockerd "$driver" || rc=$?
  fi
  case "$rc" in
    0) log "private dockerd answers after $(( SECONDS - t0 )) s (storage driver $driver)" ;;
    4) show_log_tail
       die "dockerd did not answer within $START_TIMEOUT s; see $DOCKERD_LOG" ;;
    *) show_log_tail
       die "dockerd exited; see $DOCKERD_LOG" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Choose the engine.
if [ -n "${DOCKER_HOST:-}" ]; then
  command -v docker >/dev/null 2>&1 || die "DOCKER_HOST is set but there is no docker client on PATH"
  if ! answers "$DOCKER_HOST"; then
    err="$(timeout 10 docker info 2>&1 >/dev/null | tail -n 3 || true)"
    die "DOCKER_HOST=$DOCKER_HOST does not answer \`docker info\`${err:+: $err} (unset DOCKER_HOST to use or start the private engine)"
  fi
  ENGINE="$DOCKER_HOST"
elif command -v docker >/dev/null 2>&1 && answers "unix://$PRIVATE_SOCK"; then
  ENGINE="unix://$PRIVATE_SOCK"
elif command -v docker >/dev/null 2>&1 && answers "unix:///var/run/docker.sock"; then
  ENGINE="unix:///var/run/docker.sock"
else
  ensure_private_engine
  ENGINE="unix://$PRIVATE_SOCK"
fi
export DOCKER_HOST="$ENGINE"
# An explicit DOCKER_HOST wins over any docker context; make sure no context overrides it.
unset DOCKER_CONTEXT

# ---------------------------------------------------------------------------------------------
# Images.
content_sha() { # dir -> sha256 of what defines the image content
  cat "$1/packages.txt" "$1/Dockerfile" 2>/dev/null | sha256sum | cut -d' ' -f1
}

packages_of() { # dir -> comma-separated package list
  grep -v -E '^[[:space:]]*(#|$)' "$1/packages.txt" | tr -s ' \t\r\n' ',' | sed 's/,$//'
}

REGISTRY=""
registry_answers() {
  if [ -z "$REGISTRY" ]; then
    REGISTRY=no
    if [ "${AGENT_FACTORY_USE_REGISTRY:-0}" = 1 ]; then
      log "AGENT_FACTORY_USE_REGISTRY=1: trying docker pull debian:bookworm-slim…"
      if timeout 120 docker pull -q debian:bookworm-slim >/dev/null 2>&1; then
        REGISTRY=yes
      else
        log "no registry answers; building offline"
      fi
    fi
  fi
  [ "$REGISTRY" = yes ]
}

ensure_mmdebstrap() {
  if ! command -v mmdebstrap >/dev/null 2>&1 || [ ! -d "$MERGED_USR_HOOKS" ]; then
    log "installing mmdebstrap for the offline image build (about 10 s)…"
    local t0=$SECONDS
    apt_install mmdebstrap
    log "installed mmdebstrap in $(( SECONDS - t0 )) s"
  fi
}

# The mirror for mmdebstrap: explicit, else the host's Debian bookworm sources (whatever
# mirror or proxy the host uses), else mmdebstrap's default (deb.debian.org plus the
# updates and security suites).
mirror_args() {
  if [ -n "${AGENT_FACTORY_DEBIAN_MIRROR:-}" ]; then
    printf '%s\n' "$AGENT_FACTORY_DEBIAN_MIRROR"
    return
  fi
  local f=/etc/apt/sources.list.d/debian.sources
  if [ -f "$f" ] && grep -qE "^Suites:.*\b$SUITE\b" "$f"; then printf '%s\n' "$f"; fi
}

# Single-line ENV/WORKDIR/USER/ENTRYPOINT/CMD instructions of the Dockerfile, as --change args.
dockerfile_changes() {
  grep -E '^(ENV|WORKDIR|USER|ENTRYPOINT|CMD)[[:space:]]' "$1/Dockerfile" | sed 's/[[:space:]]*$//' || true
}

build_offline() { # name dir version sha tag
  local name="$1" dir="$2" version="$3" sha="$4" tag="$5"
  ensure_mmdebstrap
  work_dir
  local tar="$WORK_DIR/$name.tar" blog="$WORK_DIR/mmdebstrap-$name.log" pkgs
  pkgs="$(packages_of "$dir")"
  local -a mirrors=() changes=()
  mapfile -t mirrors < <(mirror_args)
  mapfile -t changes < <(dockerfile_changes "$dir")

  # Everything the sandbox needs that packages do not provide: mount points, writable
  # /tmp and /workspace for uid 65534, an entry for nobody/nogroup, no host identity; then
  # drop what a sandbox never reads: apt state, logs, docs (copyrights stay), man pages,
  # translations, and the test suites of Python packages (numpy + pandas: ~50 MB).
  # (Deleting here rather than with dpkg path-exclude: path-exclude makes mmdebstrap filter
  # every package through a Python tar filter, about 15 s slower, and makes py3compile fail.)
  # shellcheck disable=SC2016 # expanded by mmdebstrap's sh, $1 = the chroot
  local hook='set -e; r="$1";
    mkdir -p "$r/workspace" "$r/data" "$r/tmp";
    chmod 1777 "$r/tmp" "$r/workspace"; chmod 0755 "$r/data";
    grep -q "^nobody:x:65534:" "$r/etc/passwd" || echo "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin" >> "$r/etc/passwd";
    grep -q "^nogroup:x:65534:" "$r/etc/group" || echo "nogroup:x:65534:" >> "$r/etc/group";
    : > "$r/etc/resolv.conf"; : > "$r/etc/hostname";
    rm -rf "$r"/var/cache/apt/* "$r"/var/lib/apt/lists/* "$r"/var/log/* "$r"/var/cache/debconf/*-old "$r"/var/lib/dpkg/*-old;
    rm -rf "$r"/usr/share/man "$r"/usr/share/info "$r"/usr/share/lintian "$r"/usr/share/doc-base;
    find "$r"/usr/share/doc -mindepth 1 ! -type d ! -name copyright -delete 2>/dev/null || true;
    find "$r"/usr/share/doc -mindepth 1 -depth -type d -empty -delete 2>/dev/null || true;
    find "$r"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} + 2>/dev/null || true;
    if [ -d "$r"/usr/lib/python3/dist-packages ]; then
      find "$r"/usr/lib/python3/dist-packages -depth -type d -name tests -exec rm -rf {} +;
    fi'

  log "building $tag offline with mmdebstrap ($pkgs)…"
  local t0=$SECONDS
  if ! mmdebstrap --variant=custom --format=tar --skip=output/dev \
      --include="$pkgs" \
      --hook-dir="$MERGED_USR_HOOKS" \
      --aptopt='Acquire::Languages "none"' \
      --dpkgopt=force-unsafe-io \
      --customize-hook="$hook" \
      "$SUITE" "$tar" ${mirrors[@]+"${mirrors[@]}"} </dev/null >"$blog" 2>&1; then
    tail -n 30 "$blog" >&2
    die "mmdebstrap failed for $name; full log: $blog"
  fi
  local t1=$SECONDS
  local -a change_args=()
  local c
  for c in ${changes[@]+"${changes[@]}"}; do change_args+=(--change "$c"); done
  change_args+=(--change "LABEL io.agent-factory.image=$name"
                --change "LABEL io.agent-factory.version=$version"
                --change "LABEL io.agent-factory.content-sha256=$sha")
  docker import ${change_args[@]+"${change_args[@]}"} \
    --message "agent-factory/$name $version (mmdebstrap $SUITE, offline)" "$tar" "$tag" >/dev/null
  rm -f "$tar"
  log "built $tag: mmdebstrap $(( t1 - t0 )) s, docker import $(( SECONDS - t1 )) s"
}

build_registry() { # name dir version sha tag
  local name="$1" dir="$2" version="$3" sha="$4" tag="$5"
  local -a extra=()
  # The private engine has no bridge network: let the build's apt-get use the host's.
  [ "$ENGINE" = "unix://$PRIVATE_SOCK" ] && extra+=(--network host)
  # docker 23+ uses BuildKit through the buildx plugin; fall back to the classic builder.
  docker buildx version >/dev/null 2>&1 || export DOCKER_BUILDKIT=0
  log "building $tag with docker build…"
  local t0=$SECONDS
  work_dir
  if ! docker build ${extra[@]+"${extra[@]}"} --pull=false --build-arg "VERSION=$version" \
      --label "io.agent-factory.content-sha256=$sha" -t "$tag" "$dir" >"$WORK_DIR/build-$name.log" 2>&1; then
    tail -n 30 "$WORK_DIR/build-$name.log" >&2
    die "docker build failed for $name"
  fi
  log "built $tag in $(( SECONDS - t0 )) s"
}

check_image() { # name dir tag: run the directory's check.sh in a sandbox-like container
  local name="$1" dir="$2" tag="$3" out
  [ -f "$dir/check.sh" ] || return 0
  if ! out="$(docker run --rm -i --network none --read-only --tmpfs /tmp:size=16m \
      --cap-drop ALL --security-opt no-new-privileges --user 65534:65534 \
      --pids-limit 64 --memory 512m "$tag" bash -s <"$dir/check.sh" 2>&1)"; then
    printf '%s\n' "$out" | tail -n 20 >&2
    docker image rm "$tag" >/dev/null 2>&1 || true
    die "the freshly built $tag fails its check ($dir/check.sh); image removed"
  fi
  log "checked $tag: $(printf '%s' "$out" | tail -n 1)"
}

ensure_images() {
  [ -d "$IMAGES_DIR" ] || { log "no $IMAGES_DIR; no images to build"; return 0; }
  local dir name version tag sha info id have have_sha latest_id built=0
  for dir in "$IMAGES_DIR"/*/; do
    dir="${dir%/}"
    if [ ! -f "$dir/VERSION" ] || [ ! -f "$dir/packages.txt" ]; then continue; fi
    name="$(basename "$dir")"
    version="$(tr -d '[:space:]' <"$dir/VERSION")"
    [ -n "$version" ] || die "$dir/VERSION is empty"
    tag="agent-factory/$name:$version"
    sha="$(content_sha "$dir")"
    # One inspect: "<id> <version label> <content label>" (labels may print as <no value>).
    info="$(docker image inspect --format \
      '{{.Id}} {{index .Config.Labels "io.agent-factory.version"}} {{index .Config.Labels "io.agent-factory.content-sha256"}}' \
      "$tag" 2>/dev/null || true)"
    read -r id have have_sha <<<"$info" || true
    [ "$have" = "<no value>" ] && have=""
    [ "$have_sha" = "<no value>" ] && have_sha=""
    if [ "$REBUILD" = 0 ] && [ -n "$id" ] && [ "$have" = "$version" ]; then
      if [ -n "$have_sha" ] && [ "$have_sha" != "$sha" ]; then
        log "WARNING: $dir changed since $tag was built but VERSION was not bumped; bump it or run with --rebuild"
      fi
    else
      if [ "$REBUILD" = 1 ]; then
        log "--rebuild: rebuilding $tag"
      elif [ -n "$id" ]; then
        log "$tag has version label '$have', not '$version'; rebuilding"
      fi
      if registry_answers; then
        build_registry "$name" "$dir" "$version" "$sha" "$tag"
      else
        build_offline "$name" "$dir" "$version" "$sha" "$tag"
      fi
      check_image "$name" "$dir" "$tag"
      id="$(docker image inspect --format '{{.Id}}' "$tag")"
      built=1
    fi
    # :latest follows the current VERSION.
    latest_id="$(docker image inspect --format '{{.Id}}' "agent-factory/$name:latest" 2>/dev/null || true)"
    if [ "$id" != "$latest_id" ]; then
      docker tag "$tag" "agent-factory/$name:latest"
    fi
  done
  # Images a rebuild left untagged (ones a container still uses stay).
  if [ "$built" = 1 ]; then
    docker image prune -f --filter label=io.agent-factory.image >/dev/null 2>&1 || true
  fi
}

if [ "$IMAGES" = 1 ]; then ensure_images; fi

echo "DOCKER_HOST=$ENGINE"
