# attack-class: 9
# title: from ctypes import * then cdll.LoadLibrary
# why: star import hides ctypes names behind bare identifiers

from ctypes import *

libc = cdll.LoadLibrary("libc.so.6")
libc.kill(1, 9)
