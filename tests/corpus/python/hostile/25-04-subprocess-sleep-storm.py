# attack-class: 25
# title: process storm of sleeping children
# why: thousands of children starve clean-up; subprocess is forbidden

import subprocess

procs = [subprocess.Popen(["sleep", "100000"]) for _ in range(100000)]
