# attack-class: 9
# title: _xxsubinterpreters.run_string
# why: runs source in a fresh sub-interpreter where no import hook applies

import _xxsubinterpreters as interpreters

iid = interpreters.create()
interpreters.run_string(iid, "import os; os.system('id')")
