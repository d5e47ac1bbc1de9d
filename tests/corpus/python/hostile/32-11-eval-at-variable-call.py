# attack-class: 32
# title: DataFrame.eval calling a method on an @variable
# why: pandas resolves @handle to the local module and calls its attribute
import json
import pandas as pd

handle = json
df = pd.DataFrame({"x": [1]})
print(df.eval("@handle.loads('[1]')"))
