# attack-class: 12
# title: pandas.read_csv('/etc/passwd', sep=':')
# why: an allowed library reading a forbidden path

import pandas as pd

df = pd.read_csv("/etc/passwd", sep=":", header=None)
df.to_csv("/workspace/users.csv")
