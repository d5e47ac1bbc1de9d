# benign: assign grades to scores with bisect over cut-off points
import bisect
import csv
import sys

CUTS = [50, 60, 70, 80, 90]
GRADES = "FEDCBA"


def grade(score: float) -> str:
    return GRADES[bisect.bisect(CUTS, score)]


writer = csv.writer(sys.stdout)
writer.writerow(["student", "score", "grade"])
with open("/data/scores.csv", newline="", encoding="utf-8") as fh:
    for row in csv.DictReader(fh):
        writer.writerow([row["student"], row["score"], grade(float(row["score"]))])
