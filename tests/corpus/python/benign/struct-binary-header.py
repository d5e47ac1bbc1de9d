# benign: parse a fixed binary record header with struct
import json
import struct

HEADER = struct.Struct("<4sHHI")

with open("/data/records.bin", "rb") as fh:
    magic, version, count, size = HEADER.unpack(fh.read(HEADER.size))
    records = [struct.unpack("<If", fh.read(8)) for _ in range(count)]

print(json.dumps({
    "magic": magic.decode("ascii", "replace"),
    "version": version,
    "declared_size": size,
    "records": [{"id": i, "value": v} for i, v in records],
}))
