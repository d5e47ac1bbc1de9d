import { check } from '../../checker/index.ts';
import type { Store } from '../../store/index.ts';
import { COMMON_OPTIONS, UsageError, type Command } from '../command.ts';
import { configFrom } from '../context.ts';
import { languageOf, policyOf, readScript } from '../scripts.ts';

export const checkCmd: Command = {
  name: 'check',
  summary: 'Check scripts against a security policy (static, tree-sitter); nothing is run.',
  usage: `factory check FILE… [--lang python|shell|javascript] [--policy NAME|PATH] [--json] [--policy-dir DIR]

  Exit 0 when every file is allowed, 1 when any is blocked, 2 on usage or parse errors.
  --policy PATH: a policy file anywhere; its \`extends\` parent comes from its own folder, else from the
  policy directory (--policy-dir).
  --json prints one object per file per line:
  {"file","language","allowed","findings":[{"rule","severity","message","line","column","snippet","suggestion"}]}
  Blocks are recorded in the audit trail of the data directory (security_block).`,
  options: {
    ...COMMON_OPTIONS,
    lang: { type: 'string' },
    policy: { type: 'string' },
    'policy-dir': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one FILE');
    const config = configFrom(values, io, { policyDir: values['policy-dir'] as string | undefined });
    const policy = await policyOf(values.policy as string | undefined, config.policyDir);
    let worst = 0;
    let store: Store | undefined;
    try {
      for (const file of positionals) {
        const source = readScript(file);
        const language = languageOf(file, source, values.lang as string | undefined);
        const started = process.hrtime.bigint(); // not performance.now(): its module is not loaded otherwise
        const result = check(source, language, policy);
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        if (!result.allowed) {
          // the store and the audit trail (and node:crypto) are loaded only when something is blocked
          const [{ Store }, { AuditTrail }, { auditBlockedCheck }] = await Promise.all([
            import('../../store/index.ts'),
            import('../../audit/trail.ts'),
            import('../../execution/audit-block.ts'),
          ]);
          store ??= Store.open(config.dataDir, { synchronous: config.audit.synchronous });
          const audit = new AuditTrail(store.audit, { maxFieldBytes: config.audit.maxFieldBytes });
          await auditBlockedCheck(audit, result, policy, { actor: 'cli', target: file }, source, durationMs);
        }
        const code = result.parseErrors?.length ? 2 : result.allowed ? 0 : 1;
        worst = Math.max(worst, code);
        if (values.json) {
          io.out(
            `${JSON.stringify({ file, language, allowed: result.allowed, findings: result.findings, ...(result.parseErrors ? { parseErrors: result.parseErrors } : {}) })}\n`,
          );
        } else {
          io.out(
            `${file}: ${result.allowed ? 'allowed' : 'BLOCKED'} (${language}, policy ${policy.name}, ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'})\n`,
          );
          for (const f of result.findings) {
            io.out(`  ${file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}\n    ${f.snippet}\n    fix: ${f.suggestion}\n`);
          }
        }
      }
    } finally {
      await store?.close();
    }
    return worst;
  },
};
