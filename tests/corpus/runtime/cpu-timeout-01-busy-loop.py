# runtime-limit: cpu-timeout
# attack-class: 25
# title: while True: pass
# why: burns one CPU forever; maxExecutionSeconds and the cpus quota must stop it

while True:
    pass
