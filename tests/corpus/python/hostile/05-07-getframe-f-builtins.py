# attack-class: 5
# title: sys._getframe().f_builtins['eval']
# why: sys._getframe is not on the sys allow-list; frames expose builtins

import sys

frame = sys._getframe()
frame.f_builtins["eval"]("__import__('os').system('rm -rf /workspace')")
