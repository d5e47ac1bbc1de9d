# attack-class: 7
# title: str.format field walking to os.environ
# why: the dunder walk is inside a format string literal: "{0.__globals__[os].environ}"

import os

def handler():
    return os.getcwd()

template = "{0.__globals__[os].environ}"
open("/workspace/report.txt", "w").write(template.format(handler))
