# benign: log the parsed arguments and save them next to the results
import argparse
import json
import logging

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("run")

parser = argparse.ArgumentParser()
parser.add_argument("--alpha", type=float, default=0.5)
parser.add_argument("--iterations", type=int, default=10)
parser.add_argument("--label", default="baseline")
args = parser.parse_args()

config = vars(args)
logger.info("configuration: %s", config)
for key, value in vars(args).items():
    print(f"{key:>12}: {value}")
with open("/workspace/run_config.json", "w") as fh:
    json.dump(config, fh, indent=2)
