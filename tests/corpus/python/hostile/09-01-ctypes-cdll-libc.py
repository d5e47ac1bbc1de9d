# attack-class: 9
# title: ctypes.CDLL('libc.so.6').system
# why: calls libc system() directly, bypassing every Python-level check

import ctypes

libc = ctypes.CDLL("libc.so.6")
libc.system(b"rm -rf /workspace /tmp/*")
