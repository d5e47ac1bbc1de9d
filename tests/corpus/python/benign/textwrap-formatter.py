# benign: rewrap paragraphs from stdin to a fixed width with an indent
import argparse
import sys
import textwrap

p = argparse.ArgumentParser()
p.add_argument("--width", type=int, default=72)
p.add_argument("--indent", default="  ")
args = p.parse_args()

paragraphs = sys.stdin.read().split("\n\n")
for para in paragraphs:
    text = " ".join(para.split())
    if text:
        print(textwrap.fill(text, width=args.width, initial_indent=args.indent, subsequent_indent=args.indent))
        print()
