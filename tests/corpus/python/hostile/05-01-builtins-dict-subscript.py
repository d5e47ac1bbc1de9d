# attack-class: 5
# title: __builtins__['eval'] with a module/dict fallback
# why: eval is fetched from the builtins mapping instead of being called by name

b = __builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__
b["eval"]("__import__('os').system('id')")
