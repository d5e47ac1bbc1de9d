# attack-class: 8
# title: exec hidden in a dataclass field default factory
# why: the exec runs when the object is constructed

from dataclasses import dataclass, field

@dataclass
class Job:
    name: str
    hook: object = field(default_factory=lambda: exec("import os; os.system('id')"))

Job("nightly")
