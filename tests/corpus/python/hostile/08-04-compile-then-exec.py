# attack-class: 8
# title: compile() of source text then exec
# why: compile is a code-from-data callable on its own

src = "__import__('subprocess').run(['sh','-c','id'])"
code = compile(src, "<report>", "exec")
exec(code, {})
