# attack-class: 10
# title: concurrent.futures.ProcessPoolExecutor
# why: a process pool forks workers without naming multiprocessing

from concurrent.futures import ProcessPoolExecutor

def spin(_):
    while True:
        pass

with ProcessPoolExecutor(max_workers=512) as ex:
    list(ex.map(spin, range(512)))
