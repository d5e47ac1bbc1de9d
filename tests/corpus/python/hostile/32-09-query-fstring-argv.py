# attack-class: 32
# title: DataFrame.query with an f-string from the arguments
# why: query evaluates its expression; @variables and calls in it reach any object
import sys
import pandas as pd

df = pd.read_csv("/data/sales.csv")
region = sys.argv[1] if len(sys.argv) > 1 else "north"
print(df.query(f"region == '{region}'"))
