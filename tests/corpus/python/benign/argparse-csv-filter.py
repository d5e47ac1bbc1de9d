# benign: argparse CLI that filters CSV rows by a column value and writes the result
import argparse
import csv
import sys


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="csv_filter")
    p.add_argument("--input", default="/data/input.csv")
    p.add_argument("--output", default="/workspace/filtered.csv")
    p.add_argument("--column", required=True)
    p.add_argument("--equals", required=True)
    args = p.parse_args(argv)

    with open(args.input, newline="", encoding="utf-8") as src:
        reader = csv.DictReader(src)
        if args.column not in (reader.fieldnames or []):
            print(f"unknown column {args.column!r}", file=sys.stderr)
            return 2
        rows = [r for r in reader if r[args.column] == args.equals]

    with open(args.output, "w", newline="", encoding="utf-8") as dst:
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
