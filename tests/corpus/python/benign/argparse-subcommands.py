# benign: a small CLI with subcommands dispatched through a dict
import argparse
import json
import statistics
import sys
from typing import Callable


def load(path: str) -> list[float]:
    with open(path) as fh:
        return [float(x) for x in json.load(fh)]


def cmd_stats(args: argparse.Namespace) -> None:
    values = load(args.file)
    print(json.dumps({"n": len(values), "mean": statistics.fmean(values), "median": statistics.median(values)}))


def cmd_top(args: argparse.Namespace) -> None:
    values = sorted(load(args.file), reverse=True)
    print(json.dumps(values[: args.n]))


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {"stats": cmd_stats, "top": cmd_top}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="numbers")
    sub = parser.add_subparsers(dest="command", required=True)
    p_stats = sub.add_parser("stats")
    p_stats.add_argument("file")
    p_top = sub.add_parser("top")
    p_top.add_argument("file")
    p_top.add_argument("-n", type=int, default=3)
    args = parser.parse_args(argv)
    COMMANDS[args.command](args)


if __name__ == "__main__":
    main(sys.argv[1:])
