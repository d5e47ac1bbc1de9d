# attack-class: 32
# title: pandas' pickle_compat loader
# why: pandas.compat.pickle_compat.loads is an unpickler
from pandas.compat import pickle_compat

with open("/data/legacy.pkl", "rb") as fh:
    obj = pickle_compat.loads(fh.read())
print(type(obj))
