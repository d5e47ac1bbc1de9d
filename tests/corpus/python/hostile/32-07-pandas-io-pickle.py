# attack-class: 32
# title: pandas.io.pickle.read_pickle through the io package
# why: the submodule path avoids the name pandas.read_pickle
import pandas as pd

frame = pd.io.pickle.read_pickle("/data/frame.pkl")
print(frame.head())
