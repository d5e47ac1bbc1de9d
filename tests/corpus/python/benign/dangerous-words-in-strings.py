# benign: dangerous words (rm, os.system, eval, exec, subprocess) appear only in strings and comments
# This tool never calls os.system or eval; it only reports on shell history text.
# Do not "rm -rf" anything here. subprocess is not imported.
import json
import re

RISKY = ["rm -rf", "os.system(", "eval(", "exec(", "subprocess.Popen", "curl | sh", "__import__"]

HELP = """
Scans command history text for risky patterns such as `rm -rf /`, `os.system("...")`
and `eval(input())`, and prints how often each one appears.
"""


def scan(text: str) -> dict:
    return {pattern: len(re.findall(re.escape(pattern), text)) for pattern in RISKY}


with open("/data/history.txt", encoding="utf-8", errors="replace") as fh:
    counts = scan(fh.read())

print(json.dumps({"help": HELP.strip(), "counts": counts, "note": "eval and exec are just words here"}, indent=2))
