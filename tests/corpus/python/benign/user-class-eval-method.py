# benign: a user class with a method named eval, called as model.eval() (not the builtin)
import json
import statistics


class ThresholdModel:
    def __init__(self, threshold: float):
        self.threshold = threshold
        self.training = True

    def eval(self):
        """Switch to evaluation mode, like a torch module."""
        self.training = False
        return self

    def predict(self, values):
        return [v >= self.threshold for v in values]


with open("/data/scores.json", encoding="utf-8") as fh:
    scores = json.load(fh)

model = ThresholdModel(statistics.median(scores))
model.eval()
print(json.dumps({"training": model.training, "positives": sum(model.predict(scores))}))
