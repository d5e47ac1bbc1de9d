# runtime-limit: memory
# attack-class: 25
# title: hoard 64 MiB bytearrays until the memory limit
# why: only allowed builtins; the container memory limit (maxMemoryMb) must kill it

blocks = []
while True:
    blocks.append(bytearray(64 * 1024 * 1024))
