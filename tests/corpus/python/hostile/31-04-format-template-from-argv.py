# attack-class: 31
# title: str.format with a template taken from the arguments
# why: a template such as {0.__init__.__globals__} walks the object graph of the argument
import sys


class Report:
    def __init__(self, title):
        self.title = title


template = sys.argv[1] if len(sys.argv) > 1 else "{0.title}"
print(template.format(Report("sales")))
