# attack-class: 8
# title: code.InteractiveInterpreter().runsource
# why: the code module is a REPL that runs arbitrary source

import code

interp = code.InteractiveInterpreter()
interp.runsource("import os; os.system('rm -rf /workspace')")
