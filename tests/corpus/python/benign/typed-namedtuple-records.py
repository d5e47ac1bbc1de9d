# benign: typed records with NamedTuple, Optional and lru_cache
import csv
from functools import lru_cache
from itertools import chain
from typing import NamedTuple, Optional


class Station(NamedTuple):
    code: str
    name: str
    elevation: Optional[float]


@lru_cache(maxsize=None)
def feet(meters: float) -> float:
    return round(meters * 3.28084, 1)


def read(path: str) -> list[Station]:
    with open(path, newline="") as fh:
        return [Station(r["code"], r["name"], float(r["elev"]) if r["elev"] else None) for r in csv.DictReader(fh)]


stations = list(chain(read("/data/stations_a.csv"), read("/data/stations_b.csv")))
for s in sorted(stations, key=lambda s: (s.elevation is None, s.elevation or 0)):
    height = f"{feet(s.elevation)} ft" if s.elevation is not None else "unknown"
    print(f"{s.code:<6} {s.name:<25} {height}")
