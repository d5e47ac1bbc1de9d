# attack-class: 8
# title: pandas.read_pickle of a data file
# why: pandas is allowed but read_pickle unpickles arbitrary objects

import pandas as pd

df = pd.read_pickle("/data/cache.pkl")
print(df.describe())
