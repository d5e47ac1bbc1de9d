# benign: convert an INI configuration file to JSON with typed values
import configparser
import json

parser = configparser.ConfigParser(interpolation=None)
parser.read("/data/settings.ini", encoding="utf-8")


def convert(value: str):
    lowered = value.lower()
    if lowered in ("true", "yes", "on"):
        return True
    if lowered in ("false", "no", "off"):
        return False
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value


result = {section: {k: convert(v) for k, v in parser.items(section)} for section in parser.sections()}
with open("/workspace/settings.json", "w") as fh:
    json.dump(result, fh, indent=2, sort_keys=True)
print(json.dumps(result, indent=2))
