/**
 * sed scripts. The literal script is split into commands by a small parser (addresses, `{}`, and
 * each command's own argument syntax) that reports GNU extensions that leave text editing: the `e`
 * command and `s///e` flag run shell commands; `w`/`W` and `s///w` write files (refused: write with a
 * redirect) and `r`/`R` read them (judged against the allowed paths). `-i` makes every input file a write. Scripts that are not
 * literals or come from files (-f) are blocked, and so are scripts this parser cannot follow.
 */
import type { SyntaxNode } from '../grammars.ts';
import type { Arg, Invocation, ShContext } from './context.ts';
import { checkOptionWords } from './option-parse.ts';
import { checkPathValue, checkPathWord } from './paths.ts';

export function checkSed(ctx: ShContext, cmd: string, inv: Invocation): void {
  const args = inv.args;
  const scripts: Arg[] = [];
  const files: Arg[] = [];
  let inPlace = false;
  let explicit = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    const v = a.v.exact ? a.v.value : null;
    if (v === '--') {
      i++;
      break;
    }
    if (v === '-f' || v === '--file' || (v !== null && (/^-[nEsruz]*f./.test(v) || v.startsWith('--file=')))) {
      ctx.sink.report('sh.sed.dynamic', a.node, 'sed -f reads its script from a file that was not checked');
      return;
    }
    if (v !== null && v.startsWith('-') && v.length > 1 && v !== '--') checkOptionWords(ctx, cmd, inv, [a]);
    if (v === '-e' || v === '--expression') {
      const s = args[++i];
      if (s) scripts.push(s);
      explicit = true;
      continue;
    }
    if (v !== null && v.startsWith('--expression=')) {
      scripts.push({ node: a.node, v: { ...a.v, value: v.slice(13) } });
      explicit = true;
      continue;
    }
    if (v !== null && /^-[nEsruz]*e$/.test(v)) {
      const s = args[++i];
      if (s) scripts.push(s);
      explicit = true;
      continue;
    }
    if (v !== null && (v === '-i' || /^-[nEsruz]*i/.test(v) || v.startsWith('--in-place'))) {
      inPlace = true;
      continue;
    }
    if (v === '-l' || v === '--line-length') {
      i++;
      continue;
    }
    if (v !== null && v.startsWith('-') && v.length > 1) continue;
    if (!explicit && scripts.length === 0) scripts.push(a);
    else {
      if (!a.v.exact && a.v.value === '' && !ctx.values().word(a.node).noDash) {
        ctx.sink.report(
          'sh.option.dynamic',
          a.node,
          `sed gets '${ctx.text(a.node)}', which is only known at run time, where an option could stand ` +
            '(sed -f/--file loads a script that was never checked); put -- before operands that come from variables',
        );
      }
      files.push(a);
    }
  }
  files.push(...args.slice(i));
  for (const s of scripts) {
    if (!s.v.exact) {
      ctx.sink.report('sh.sed.dynamic', s.node, 'the sed script is not a literal string');
      continue;
    }
    scanSed(ctx, s.v.value, s.node);
  }
  for (const f of files) checkPathWord(ctx, f, inPlace ? 'write' : 'read', inv.at);
}

/** Walk a sed script command by command. */
export function scanSed(ctx: ShContext, script: string, at: SyntaxNode): void {
  let i = 0;
  const n = script.length;
  const skipWs = () => {
    while (i < n && (script[i] === ' ' || script[i] === '\t')) i++;
  };
  const toEol = () => {
    const start = i;
    while (i < n && script[i] !== '\n') i++;
    return script.slice(start, i);
  };
  const delimited = (d: string) => {
    // read up to an unescaped delimiter; returns false when it never closes
    while (i < n && script[i] !== d) {
      if (script[i] === '\\') i++;
      else if (script[i] === '\n' && d !== '\n') return false;
      i++;
    }
    if (i >= n) return false;
    i++;
    return true;
  };
  const address = () => {
    if (i < n && /[0-9]/.test(script[i]!)) {
      while (i < n && /[0-9~]/.test(script[i]!)) i++;
    } else if (script[i] === '$') i++;
    else if (script[i] === '/') {
      i++;
      if (!delimited('/')) return false;
      while (i < n && /[IM]/.test(script[i]!)) i++;
    } else if (script[i] === '\\' && i + 1 < n) {
      const d = script[i + 1]!;
      i += 2;
      if (!delimited(d)) return false;
      while (i < n && /[IM]/.test(script[i]!)) i++;
    }
    return true;
  };
  const bad = (why: string) => ctx.sink.report('sh.sed.dynamic', at, `the sed script cannot be followed by the checker (${why})`);
  while (i < n) {
    skipWs();
    const c0 = script[i];
    if (c0 === undefined) break;
    if (c0 === '\n' || c0 === ';' || c0 === '}') {
      i++;
      continue;
    }
    if (c0 === '#') {
      toEol();
      continue;
    }
    if (!address()) return bad('unterminated address');
    skipWs();
    if (script[i] === ',') {
      i++;
      skipWs();
      if (script[i] === '+' || script[i] === '~') i++;
      if (!address()) return bad('unterminated address');
      skipWs();
    }
    while (script[i] === '!' || script[i] === ' ') i++;
    const c = script[i++];
    if (c === undefined) return bad('address without command');
    switch (c) {
      case '{':
      case '=':
      case 'd':
      case 'D':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
      case 'n':
      case 'N':
      case 'p':
      case 'P':
      case 'x':
      case 'z':
      case 'F':
        break;
      case 'l':
      case 'q':
      case 'Q':
      case 'L':
        skipWs();
        while (i < n && /[0-9]/.test(script[i]!)) i++;
        break;
      case ':':
      case 'b':
      case 't':
      case 'T':
      case 'v':
        while (i < n && script[i] !== '\n' && script[i] !== ';') i++;
        break;
      case 'a':
      case 'i':
      case 'c': {
        // GNU one-liner text to the end of the line; a trailing backslash continues it
        while (i < n) {
          const line = toEol();
          if (!line.endsWith('\\') || i >= n) break;
          i++;
        }
        break;
      }
      case 'e':
        ctx.sink.report('sh.sed.execute', at, 'the sed e command runs a shell command');
        toEol();
        break;
      case 'r':
      case 'R':
      case 'w':
      case 'W': {
        skipWs();
        const file = toEol().trim();
        if (c === 'w' || c === 'W') ctx.sink.report('sh.sed.write', at, `the sed ${c} command writes the file '${file}'`);
        checkPathValue(ctx, { value: file, exact: true }, c === 'r' || c === 'R' ? 'read' : 'write', at, `sed ${c} file`);
        break;
      }
      case 's':
      case 'y': {
        const d = script[i++];
        if (d === undefined || d === '\n' || d === '\\') return bad(`${c} without delimiter`);
        if (!delimited(d) || !delimited(d)) return bad(`unterminated ${c} command`);
        if (c === 'y') break;
        while (i < n && /[gpiImMe0-9]/.test(script[i]!)) {
          if (script[i] === 'e') ctx.sink.report('sh.sed.execute', at, 'the s///e flag runs the pattern space as a shell command');
          i++;
        }
        if (script[i] === 'w') {
          i++;
          skipWs();
          const file = toEol().trim();
          ctx.sink.report('sh.sed.write', at, `the s///w flag writes the file '${file}'`);
          checkPathValue(ctx, { value: file, exact: true }, 'write', at, 'sed s///w file');
        }
        break;
      }
      default:
        return bad(`unknown command '${c}'`);
    }
  }
}
