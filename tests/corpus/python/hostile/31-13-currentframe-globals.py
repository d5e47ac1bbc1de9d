# attack-class: 31
# title: logging.currentframe to reach the caller globals
# why: a frame object reaches f_globals and from there builtins
import logging

frame = logging.currentframe()
print(frame.f_back)
