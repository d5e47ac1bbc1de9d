# attack-class: 12
# title: os.symlink from the workspace to /etc
# why: a symlink whose target leaves the allowed paths

import os

os.symlink("/etc", "/workspace/etc_link")
print(open("/workspace/etc_link/shadow").read())
