# attack-class: 10
# title: multiprocessing.Process
# why: multiprocessing is forbidden; it forks workers that outlive the tool

import multiprocessing

def burn():
    while True:
        pass

if __name__ == "__main__":
    for _ in range(256):
        multiprocessing.Process(target=burn, daemon=False).start()
