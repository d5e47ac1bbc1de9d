# benign: bundle the generated reports into a zip archive
import zipfile
from datetime import date
from pathlib import Path

reports = sorted(Path("/workspace/reports").glob("*.csv"))
archive = Path("/workspace") / f"reports-{date.today():%Y%m%d}.zip"
with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    for path in reports:
        zf.write(path, arcname=path.name)
print(f"{len(reports)} files -> {archive} ({archive.stat().st_size} bytes)")
