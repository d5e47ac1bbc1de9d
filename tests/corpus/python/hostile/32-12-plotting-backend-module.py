# attack-class: 32
# title: pandas plotting backend set to a module name from input
# why: pandas imports whatever module plotting.backend names
import sys
import pandas as pd

backend = sys.argv[1] if len(sys.argv) > 1 else "matplotlib"
pd.set_option("plotting.backend", backend)
pd.DataFrame({"a": [1, 2]}).plot()
