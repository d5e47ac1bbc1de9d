#!/usr/bin/env python3
# benign: csv_aggregator tool from seed 004 section 2.3.2, verbatim (sum/average/min/max of one CSV column over a directory)
"""
Generated Tool: csv_aggregator
Purpose: Aggregiert numerische Spalten aus mehreren CSV-Dateien
Generated: 2025-12-10T15:30:00Z
Security-Checked: True
"""

import json
import sys
from pathlib import Path

# Sandbox-Import-Beschränkungen
import pandas as pd

MAX_FILES = 1000

def aggregate_csv_column(directory: str, column: str) -> dict:
    """Aggregiert eine numerische Spalte aus CSV-Dateien."""
    dir_path = Path(directory)

    if not dir_path.is_dir():
        raise ValueError(f"Verzeichnis existiert nicht: {directory}")

    csv_files = list(dir_path.glob("*.csv"))[:MAX_FILES]

    if not csv_files:
        return {"error": "Keine CSV-Dateien gefunden"}

    values = []
    processed_files = []

    for csv_file in csv_files:
        try:
            df = pd.read_csv(csv_file)
            if column in df.columns:
                values.extend(df[column].dropna().tolist())
                processed_files.append(str(csv_file.name))
        except Exception as e:
            continue  # Fehlerhafte Dateien überspringen

    if not values:
        return {"error": f"Spalte '{column}' nicht gefunden"}

    return {
        "sum": sum(values),
        "average": sum(values) / len(values),
        "min": min(values),
        "max": max(values),
        "count": len(values),
        "files_processed": processed_files
    }

if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(json.dumps({"error": "Usage: csv_aggregator <directory> <column>"}))
        sys.exit(1)

    result = aggregate_csv_column(sys.argv[1], sys.argv[2])
    print(json.dumps(result, indent=2))
