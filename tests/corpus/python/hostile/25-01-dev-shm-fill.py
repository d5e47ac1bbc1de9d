# attack-class: 25
# title: fill /dev/shm (RAM-backed) in a loop
# why: memory/disk exhaustion through a path outside the allowed ones; static path check should stop it

chunk = b"\0" * (1 << 20)
with open("/dev/shm/cache.bin", "wb") as fh:
    while True:
        fh.write(chunk)
