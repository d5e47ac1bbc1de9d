# agent-factory python runner: `python3 -I -c <this file>` as the container's main process.
# Reads one job from stdin (see src/sandbox/protocol.ts), replaces the environment, changes to the
# working directory and executes the script in this same process as __main__. It reads exactly the
# job's bytes, so the rest of stdin is the script's own input. When the script ends it writes the
# end marker (NUL AFEND:<nonce>:<exit code> NUL) on stdout and stderr, after everything else, so the
# service knows the output is complete without waiting for the container to be torn down.
import os, sys


def _rd(n):
    b = bytearray()
    while len(b) < n:
        c = os.read(0, n - len(b))
        if not c:
            os._exit(125)
        b += c
    return bytes(b)


def _line():
    b = bytearray()
    while True:
        c = os.read(0, 1)
        if not c:
            os._exit(125)
        if c == b'\n':
            return bytes(b)
        b += c
        if len(b) > 12:
            os._exit(125)


def _field():
    return _rd(int(_line())).decode('utf-8')


if _line() != b'AF1':
    os._exit(125)
_nonce = _field()
_cwd = _field()
_src = _field()
_argv = [_field() for _ in range(int(_field()))]
_env = dict(_field().split('=', 1) for _ in range(int(_field())))
os.environ.clear()
os.environ.update(_env)
os.chdir(_cwd)
sys.argv = ['tool.py'] + _argv


def _excepthook(t, v, tb):
    # tracebacks start at the tool's own frames, not the runner's. `traceback` costs ~20 ms to import
    # (tokenize, re, collections, linecache), so only a failing script pays for it.
    import traceback
    traceback.print_exception(t, v, tb.tb_next if tb is not None else tb)


sys.excepthook = _excepthook


def _finish(code, nonce=_nonce):
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except BaseException:
            pass
    mark = b'\0AFEND:' + nonce.encode() + b':' + str(code).encode() + b'\0'
    for fd in (1, 2):
        try:
            os.write(fd, mark)
        except OSError:
            pass
    os._exit(code)


def _exit_code(e):
    if e.code is None:
        return 0
    if isinstance(e.code, int):
        return e.code & 0xFF
    try:
        print(e.code, file=sys.stderr)
    except BaseException:
        pass
    return 1


_g = {'__name__': '__main__', '__file__': 'tool.py', '__builtins__': __builtins__}
_status = 0
try:
    _code = compile(_src, 'tool.py', 'exec')
    del _rd, _line, _field, _cwd, _src, _argv, _env, _nonce
    exec(_code, _g)
except SystemExit as _e:
    _status = _exit_code(_e)
except BaseException as _e:
    sys.excepthook(type(_e), _e, _e.__traceback__)
    _status = 1
_finish(_status)
