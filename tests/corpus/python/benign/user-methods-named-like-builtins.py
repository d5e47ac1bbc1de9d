# benign: user class with methods run, compile and exec, and variables named system and popen_count
import json
import re


class Pipeline:
    def __init__(self, steps):
        self.steps = steps
        self.compiled = []

    def compile(self):
        self.compiled = [re.compile(s) for s in self.steps]
        return self

    def exec(self, text):
        return {p.pattern: len(p.findall(text)) for p in self.compiled}

    def run(self, path):
        with open(path, encoding="utf-8") as fh:
            return self.exec(fh.read())


system = {"name": "reporting", "popen_count": 0}
pipeline = Pipeline([r"\bERROR\b", r"\bWARN\b"]).compile()
print(json.dumps({"system": system["name"], "hits": pipeline.run("/data/logs/app.log")}))
