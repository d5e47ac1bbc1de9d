# benign: normalise names to NFKC and strip accents for matching
import json
import sys
import unicodedata


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


names = [line.strip() for line in sys.stdin if line.strip()]
print(json.dumps({n: strip_accents(unicodedata.normalize("NFKC", n)).casefold() for n in names},
                 ensure_ascii=False, indent=2))
