# attack-class: 12
# title: open('/data/input.csv', 'w')
# why: /data is read-only in the policy; this truncates it

with open("/data/input.csv", "w") as fh:
    fh.write("")
