/**
 * Floating promises: a call whose value is a Promise, used as a statement without await, void, return or
 * .then/.catch. The store's and the access rules' methods are asynchronous, so a missing await there skips a
 * check or a write silently (the compiler cannot tell). `npm run lint` runs this; it exits 1 on a finding.
 */
import ts from 'typescript';
let findings = 0;
const root = process.argv[2] ?? '.'; // a project folder with a tsconfig.json (the test gives its own)
const cfgPath = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json')!;
const cfg = ts.parseJsonConfigFileContent(ts.readConfigFile(cfgPath, ts.sys.readFile).config, ts.sys, root);
const program = ts.createProgram(cfg.fileNames, cfg.options);
const checker = program.getTypeChecker();
const isPromise = (t: ts.Type): boolean => {
  if (t.isUnion()) return t.types.some(isPromise);
  const s = t.getSymbol() ?? t.aliasSymbol;
  return !!s && (s.name === 'Promise' || s.name === 'PromiseLike');
};
for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || sf.fileName.includes('node_modules')) continue;
  const visit = (n: ts.Node) => {
    if (ts.isExpressionStatement(n)) {
      let e = n.expression;
      if (!ts.isVoidExpression(e) && !ts.isAwaitExpression(e) && ts.isCallExpression(e)) {
        const t = checker.getTypeAtLocation(e);
        if (isPromise(t)) {
          const text = e.getText(sf);
          if (!/\.(then|catch|finally)\(/.test(text.slice(-400))) {
            const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
            findings++;
            console.log(`${sf.fileName}:${line + 1}: ${text.slice(0, 110).replace(/\n/g, ' ')}`);
          }
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
if (findings > 0) {
  console.log(`${findings} floating promise(s): await them, return them, or mark a deliberate one with void`);
  process.exit(1);
}
