# attack-class: 2
# title: __import__ of a hex-decoded name
# why: bytes.fromhex("6f73") is "os"

osmod = __import__(bytes.fromhex("6f73").decode())
print(osmod.popen("env").read())
