# attack-class: 1
# title: import statement inside a class body
# why: the module becomes a class attribute (Runner.sp) and is used through the class

class Runner:
    import subprocess as sp

    def run(self, cmd):
        return self.sp.call(cmd, shell=True)

Runner().run("rm -rf /workspace /tmp")
