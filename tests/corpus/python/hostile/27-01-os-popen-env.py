# attack-class: 27
# title: os.popen('env')
# why: dumps the environment through a shell

import os

print(os.popen("env").read())
