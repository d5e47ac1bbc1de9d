# benign: a typed transformation pipeline with Protocol and TypedDict
import json
import sys
from typing import Iterable, Protocol, TypedDict


class Record(TypedDict):
    name: str
    score: float


class Step(Protocol):
    def __call__(self, records: Iterable[Record]) -> Iterable[Record]: ...


def drop_empty(records: Iterable[Record]) -> Iterable[Record]:
    return (r for r in records if r["name"])


def clamp_scores(records: Iterable[Record]) -> Iterable[Record]:
    for r in records:
        yield {"name": r["name"], "score": min(100.0, max(0.0, r["score"]))}


def run(records: Iterable[Record], steps: list[Step]) -> list[Record]:
    for step in steps:
        records = step(records)
    return list(records)


data: list[Record] = json.load(sys.stdin)
print(json.dumps(run(data, [drop_empty, clamp_scores]), indent=2))
