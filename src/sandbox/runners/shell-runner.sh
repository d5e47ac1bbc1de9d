# agent-factory shell runner: `bash -c <this file>` as the container's main process, with LC_ALL=C so
# that `read -N` counts bytes. Reads one job from stdin (see src/sandbox/protocol.ts) with bash's
# `read`, which reads a pipe byte by byte and so never consumes the script's own stdin, then replaces
# runs `env -i … bash -c SOURCE`: the script sees only the environment the job names. When it ends,
# the runner writes the end marker (NUL AFEND:<nonce>:<exit code> NUL) on stdout and stderr, after
# everything the script wrote, so the service knows the output is complete.
set -u
_num() { IFS= read -r "$1" || exit 125; [[ ${!1} =~ ^[0-9]{1,12}$ ]] || exit 125; }
_field() {
  local n
  _num n
  if (( n == 0 )); then printf -v "$1" '%s' ''; else IFS= read -r -d '' -N "$n" "$1" || exit 125; fi
}
IFS= read -r _magic || exit 125
[[ $_magic == AF1 ]] || exit 125
_field _nonce; _field _cwd; _field _src; _field _argc
_args=(); for (( _i = 0; _i < _argc; _i++ )); do _field _a; _args+=("$_a"); done
_field _envc
_envs=(); for (( _i = 0; _i < _envc; _i++ )); do _field _e; _envs+=("$_e"); done
cd "$_cwd" || exit 125
# The script runs as a child; bash's own job notices ("Killed" when the script dies by a signal) go to
# /dev/null, the script's stderr to the real one (fd 3). Async commands get /dev/null as stdin, so the
# job's remaining stdin is passed on explicitly.
exec 3>&2
env -i "${_envs[@]}" bash --noprofile --norc -c "$_src" tool.sh "${_args[@]}" <&0 2>&3 3>&- &
exec 2>/dev/null
wait "$!"
_status=$?
printf '\0AFEND:%s:%d\0' "$_nonce" "$_status" || true
printf '\0AFEND:%s:%d\0' "$_nonce" "$_status" >&3 || true
exit "$_status"
