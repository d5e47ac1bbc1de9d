# benign: reproducible random sample of CSV rows with a fixed seed
import csv
import random
import sys

k = int(sys.argv[1]) if len(sys.argv) > 1 else 100
rng = random.Random(1234)

with open("/data/large.csv", newline="", encoding="utf-8") as fh:
    reader = csv.reader(fh)
    header = next(reader)
    sample = []
    for i, row in enumerate(reader):
        if i < k:
            sample.append(row)
        else:
            j = rng.randint(0, i)
            if j < k:
                sample[j] = row

with open("/workspace/sample.csv", "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out)
    w.writerow(header)
    w.writerows(sample)
