# attack-class: 32
# title: pandas.eval with the python engine
# why: the python engine evaluates the expression as Python
import pandas as pd

df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
result = pd.eval("df.a + df.b", engine="python")
print(result)
