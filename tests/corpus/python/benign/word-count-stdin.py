# benign: count lines, words and characters read from stdin and print them as JSON
import json
import sys


def count(stream):
    lines = words = chars = 0
    for line in stream:
        lines += 1
        words += len(line.split())
        chars += len(line)
    return {"lines": lines, "words": words, "chars": chars}


if __name__ == "__main__":
    print(json.dumps(count(sys.stdin)))
