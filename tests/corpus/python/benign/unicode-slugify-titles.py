# benign: turn article titles into URL slugs
import re
import unicodedata


def slugify(title: str, max_len: int = 60) -> str:
    norm = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    norm = re.sub(r"[^\w\s-]", "", norm).strip().lower()
    slug = re.sub(r"[-\s]+", "-", norm)
    return slug[:max_len].rstrip("-")


seen: dict[str, int] = {}
with open("/data/titles.txt", encoding="utf-8") as fh, open("/workspace/slugs.tsv", "w", encoding="utf-8") as out:
    for line in fh:
        title = line.strip()
        if not title:
            continue
        slug = slugify(title)
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.write(f"{slug if n == 0 else f'{slug}-{n + 1}'}\t{title}\n")
