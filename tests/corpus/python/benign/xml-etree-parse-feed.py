# benign: parse a local RSS feed file and list the newest items
import xml.etree.ElementTree as ET
from datetime import datetime

tree = ET.parse("/data/feed.xml")
items = []
for item in tree.getroot().iter("item"):
    title = (item.findtext("title") or "").strip()
    link = (item.findtext("link") or "").strip()
    published = item.findtext("pubDate")
    when = datetime.strptime(published.strip(), "%a, %d %b %Y %H:%M:%S %z") if published else None
    items.append((when, title, link))

items.sort(key=lambda x: (x[0] is None, x[0]), reverse=True)
for when, title, link in items[:10]:
    print(f"{when:%Y-%m-%d} {title} <{link}>" if when else f"(no date) {title} <{link}>")
