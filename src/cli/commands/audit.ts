import { ROLES, RoleSchema } from '../../access/index.ts';
import { AuditQuery } from '../../audit/event.ts';
import { FactoryError, formatIssues } from '../../errors/catalog.ts';
import { COMMON_OPTIONS, UsageError, type Command } from '../command.ts';
import { configFrom, withStore } from '../context.ts';

export const auditVerify: Command = {
  name: 'audit verify',
  summary: 'Verify the audit trail’s hash chain; report the first broken row.',
  usage:
    'factory audit verify [--data-dir DIR] [--config FILE] [--json]\n\n  Exit 0 when the chain verifies, 1 when a row was edited, deleted or reordered.',
  options: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
  async run({ values }, io) {
    const config = configFrom(values, io);
    const result = await withStore(config, ({ audit }) => audit.verify());
    if (values.json) io.out(`${JSON.stringify(result)}\n`);
    else if (result.ok) io.out(`audit trail OK: ${result.count} events, head ${result.head.slice(0, 16)}…\n`);
    else io.out(`audit trail BROKEN at row seq=${result.brokenAt}: ${result.reason} (${result.count} rows before it verify)\n`);
    return result.ok ? 0 : 1;
  },
};

export const auditQuery: Command = {
  name: 'audit query',
  summary: 'List audit events, filtered by type, project, agent and time range.',
  usage: 'factory audit query [--type T]... [--project P] [--agent A] [--from ISO] [--to ISO] [--limit N] [--desc] [--json]',
  options: {
    ...COMMON_OPTIONS,
    type: { type: 'string', multiple: true },
    project: { type: 'string' },
    agent: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string' },
    desc: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const q = AuditQuery.safeParse({
      type: values.type,
      project: values.project,
      agent: values.agent,
      from: values.from,
      to: values.to,
      limit: values.limit,
      order: values.desc ? 'desc' : 'asc',
    });
    if (!q.success)
      throw new UsageError(
        formatIssues(q.error.issues)
          .map((i) => `--${i.path}: ${i.message}`)
          .join('; '),
      );
    const config = configFrom(values, io);
    const events = await withStore(config, ({ audit }) => audit.query(q.data));
    for (const e of events) {
      if (values.json) io.out(`${JSON.stringify(e)}\n`);
      else io.out(`${e.seq}\t${e.timestamp}\t${e.type}\t${e.action}\t${e.target}\t${e.success ? 'ok' : `FAILED ${e.error ?? ''}`}\n`);
    }
    return 0;
  },
};

export const tokenCreate: Command = {
  name: 'token create',
  summary: 'Create an API token; prints the secret once.',
  usage: `factory token create --role ${ROLES.join('|')} [--name NAME] [--data-dir DIR] [--json]`,
  options: { ...COMMON_OPTIONS, role: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const parsed = RoleSchema.safeParse(values.role);
    if (!parsed.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const role = parsed.data;
    const config = configFrom(values, io);
    const created = await withStore(config, ({ tokens }) =>
      tokens.create(role, { name: values.name as string | undefined, createdBy: 'cli' }),
    );
    if (values.json) io.out(`${JSON.stringify({ ...created.token, secret: created.secret })}\n`);
    else {
      io.out(`${created.secret}\n`);
      io.err(`created ${created.token.role} token ${created.token.id}; the secret above is shown only once\n`);
    }
    return 0;
  },
};

export const tokenList: Command = {
  name: 'token list',
  summary: 'List API tokens (never their secrets).',
  usage: 'factory token list [--data-dir DIR] [--json]',
  options: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
  async run({ values }, io) {
    const config = configFrom(values, io);
    const list = await withStore(config, ({ tokens }) => tokens.list());
    for (const t of list) {
      if (values.json) io.out(`${JSON.stringify(t)}\n`);
      else io.out(`${t.id}\t${t.role}\t${t.revokedAt ? 'revoked' : 'active'}\t${t.name}\n`);
    }
    return 0;
  },
};

export const tokenRevoke: Command = {
  name: 'token revoke',
  summary: 'Revoke an API token by id.',
  usage: 'factory token revoke ID [--data-dir DIR]',
  options: { ...COMMON_OPTIONS },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give exactly one token id (see `factory token list`)');
    const config = configFrom(values, io);
    const ok = await withStore(config, ({ tokens }) => tokens.revoke(positionals[0]!, 'cli'));
    if (!ok) throw new FactoryError('RESOURCE_NOT_FOUND', `No active token ${positionals[0]}`);
    io.err(`revoked ${positionals[0]}\n`);
    return 0;
  },
};
