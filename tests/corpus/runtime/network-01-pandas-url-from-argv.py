# runtime-limit: network
# attack-class: 30
# title: pandas.read_csv on a URL passed as an argument
# why: ordinary-looking code; the URL is only known at run time, so the container network must block it

import sys

import pandas as pd

df = pd.read_csv(sys.argv[1] if len(sys.argv) > 1 else "/data/input.csv")
print(df.describe())
