# attack-class: 12
# title: open('/etc/shadow')
# why: /etc is outside the allowed paths

with open("/etc/shadow") as fh:
    print(fh.read())
