# attack-class: 32
# title: DataFrame.to_pickle feeding a later read_pickle
# why: pickle files are code; writing one sets up the next unpickling
import pandas as pd

df = pd.DataFrame({"a": [1, 2]})
df.to_pickle("/workspace/cache.pkl")
