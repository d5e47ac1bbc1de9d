# attack-class: 9
# title: _testcapi.run_in_subinterp
# why: a test-only C extension that executes arbitrary source

import _testcapi

_testcapi.run_in_subinterp("import os\nos.system('cat /etc/shadow')")
