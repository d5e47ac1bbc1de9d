# benign: print interpreter and platform facts using only the allowed sys attributes
import json
import os
import sys

print(json.dumps({
    "version": sys.version,
    "platform": sys.platform,
    "byteorder": sys.byteorder,
    "maxsize": sys.maxsize,
    "recursion_limit": sys.getrecursionlimit(),
    "float_digits": sys.float_info.dig,
    "cpus": os.cpu_count(),
    "sep": os.sep,
}, indent=2))
