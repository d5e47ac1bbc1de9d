# benign: getattr with a literal harmless attribute name on a user object
import json
from dataclasses import dataclass


@dataclass
class Employee:
    name: str
    team: str
    salary: float


with open("/data/employees.json", encoding="utf-8") as fh:
    staff = [Employee(**e) for e in json.load(fh)]

names = [getattr(e, "name") for e in staff]
teams = sorted({getattr(e, "team", "unknown") for e in staff})
print(json.dumps({"names": names, "teams": teams}))
