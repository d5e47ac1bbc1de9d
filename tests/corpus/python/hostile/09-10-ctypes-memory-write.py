# attack-class: 9
# title: ctypes.memmove over interpreter memory
# why: writes arbitrary bytes into process memory, e.g. to patch an audit hook

import ctypes

target = id(print) + 8
ctypes.memmove(target, b"\x00" * 8, 8)
