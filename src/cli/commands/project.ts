/**
 * `factory project run|list|show|approve|cancel|resume`. With `--url` (or FACTORY_URL) and a token
 * (`--token`/FACTORY_TOKEN) they go through the service's REST API and stream; without, they work in
 * this process on the data directory (`--data-dir`/FACTORY_DATA_DIR; a project runs here until it
 * stops). Everything heavy is loaded when a command runs, so `factory --help` stays fast.
 */
import { readFileSync } from 'node:fs';
import { UsageError, type Command, type Io, type Options } from '../command.ts';
import type { Backend, Decision, Project } from './project-backend.ts';

const WHERE: Options = {
  url: { type: 'string' },
  token: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
const WHERE_USAGE = `
  Where: --url URL --token SECRET (or FACTORY_URL, FACTORY_TOKEN): through a running service's REST API.
         Otherwise in this process on the data directory (--data-dir DIR or FACTORY_DATA_DIR, default ./data;
         the service's config file from FACTORY_CONFIG): the project runs here until it stops.`;

type Values = Record<string, string | boolean | string[] | undefined>;

async function backendOf(values: Values, io: Io): Promise<{ backend: Backend; flags: string }> {
  const mod = await import('./project-backend.ts');
  const url = (values.url as string | undefined) ?? io.env.FACTORY_URL;
  if (url) {
    const token = (values.token as string | undefined) ?? io.env.FACTORY_TOKEN;
    if (!token) throw new UsageError('--url needs a token: --token SECRET or FACTORY_TOKEN (factory token create --role submitter)');
    return { backend: mod.restBackend(url.replace(/\/+$/, ''), token), flags: values.url ? `--url ${url}` : '' };
  }
  const { loadConfig } = await import('../../config/load.ts');
  const dataDir = values['data-dir'] as string | undefined;
  const config = loadConfig({ env: io.env, flags: { dataDir } });
  return { backend: await mod.localBackend(config), flags: dataDir ? `--data-dir ${dataDir}` : '' };
}

/** JSON inline, or @FILE (JSON or YAML). */
async function jsonArg(raw: string | undefined, what: string): Promise<unknown> {
  if (raw === undefined) return undefined;
  try {
    if (!raw.startsWith('@')) return JSON.parse(raw) as unknown;
    const text = readFileSync(raw.slice(1), 'utf8');
    return (await import('yaml')).parse(text) as unknown; // YAML reads JSON too
  } catch (e) {
    throw new UsageError(`${what}: ${(e as Error).message} (give JSON, or @FILE with JSON or YAML)`);
  }
}

/** Runs `fn` with a backend; Ctrl-C detaches from a service, or stops a local run where it is (resumable). */
async function withBackend(values: Values, io: Io, fn: (b: Backend, flags: string) => Promise<number>): Promise<number> {
  const { backend, flags } = await backendOf(values, io);
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    io.err(
      backend.local
        ? '\nfactory: stopping here; the project resumes with `factory project resume ID`' +
            ' (or when a service starts on this data directory)\n'
        : '\nfactory: detached; the project goes on in the service\n',
    );
    void backend.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  try {
    return await fn(backend, flags);
  } finally {
    process.removeListener('SIGINT', onSigint);
    if (!interrupted) await backend.close();
  }
}

async function follow(b: Backend, io: Io, flags: string, id: string | undefined, act: () => Promise<Project>, json: boolean) {
  const view = await import('./project-view.ts');
  const printer = view.eventPrinter(io);
  const p = await b.follow(id, act, printer);
  if (json) {
    io.out(`${JSON.stringify(p)}\n`);
    return view.exitCodeOf(p.status);
  }
  return view.finalLines(p, io, { flags });
}

export const projectRun: Command = {
  name: 'project run',
  summary: 'Run a project: plan, delegate, review, iterate, aggregate; progress in the terminal.',
  usage: `factory project run TASK [--name NAME] [--config JSON|@FILE] [--approve-plan] [--approve-aggregation] [--json]
${WHERE_USAGE}

  --config            the project's config (any key of coordinator.defaults: maxConcurrentAgents, maxIterations,
                      qualityThreshold, budget {tokens,costUsd,wallMs,toolRuns}, reviewChain, models …)
  --approve-plan      stop after the plan until someone approves it (config approvals.plan)
  --approve-aggregation  stop before the results are merged until someone approves (approvals.aggregation)
  Exit: 0 completed, 1 failed or cancelled, 3 waiting for approval (the command to approve is printed),
        4 paused (budget, model or sandbox: what to do is printed), 2 usage error.`,
  positionals: true,
  options: {
    ...WHERE,
    name: { type: 'string' },
    config: { type: 'string' },
    'approve-plan': { type: 'boolean' },
    'approve-aggregation': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const task = positionals.join(' ').trim();
    if (!task) throw new UsageError('give the task: factory project run "what to do"');
    return withBackend(values, io, async (b, flags) => {
      const config = ((await jsonArg(values.config as string | undefined, '--config')) ?? {}) as Record<string, unknown>;
      if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new UsageError('--config must be a JSON object');
      if (values['approve-plan'] || values['approve-aggregation']) {
        config.approvals = {
          ...(config.approvals as object),
          ...(values['approve-plan'] ? { plan: true } : {}),
          ...(values['approve-aggregation'] ? { aggregation: true } : {}),
        };
      }
      const body = { task, ...(values.name ? { name: values.name as string } : {}), config };
      io.err(`factory: project on ${b.where}\n`);
      return follow(b, io, flags, undefined, () => b.create(body), values.json === true);
    });
  },
};

const one = (positionals: string[]) => {
  if (positionals.length !== 1) throw new UsageError('give one project id (factory project list shows them)');
  return positionals[0]!;
};

export const projectList: Command = {
  name: 'project list',
  summary: 'List projects, newest first.',
  usage: `factory project list [--status STATUS]... [--limit N] [--json]\n${WHERE_USAGE}`,
  options: { ...WHERE, status: { type: 'string', multiple: true }, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withBackend(values, io, async (b) => {
      const items = await b.list({ limit: Number(values.limit ?? 20), ...(values.status ? { status: values.status as string[] } : {}) });
      if (values.json) for (const p of items) io.out(`${JSON.stringify(p)}\n`);
      else (await import('./project-view.ts')).listLines(items, io);
      return 0;
    });
  },
};

export const projectShow: Command = {
  name: 'project show',
  summary: 'A project’s report: sub-tasks, scores, approvals, failures, metrics, budget use, what to do next.',
  usage: `factory project show ID [--json]\n${WHERE_USAGE}\n\n  Exit: as project run, by the project's status.`,
  positionals: true,
  options: { ...WHERE, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = one(positionals);
    return withBackend(values, io, async (b) => {
      const view = await import('./project-view.ts');
      const r = await b.report(id);
      if (values.json) io.out(`${JSON.stringify(r)}\n`);
      else view.reportLines(r, io);
      return view.exitCodeOf(r.status);
    });
  },
};

export const projectApprove: Command = {
  name: 'project approve',
  summary: 'Decide a project’s open approval gate (approve, reject with a reason, or approve an edited plan); then follow it.',
  usage: `factory project approve ID [--reject REASON] [--plan JSON|@FILE] [--gate plan|aggregation] [--json]
${WHERE_USAGE}

  Follows the project to its next stop; exit codes as project run.`,
  positionals: true,
  options: { ...WHERE, reject: { type: 'string' }, plan: { type: 'string' }, gate: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = one(positionals);
    const gate = values.gate as string | undefined;
    if (gate !== undefined && gate !== 'plan' && gate !== 'aggregation') throw new UsageError('--gate is plan or aggregation');
    return withBackend(values, io, async (b, flags) => {
      const plan = await jsonArg(values.plan as string | undefined, '--plan');
      const d: Decision = values.reject
        ? { decision: 'reject', reason: values.reject as string }
        : { decision: 'approve', ...(plan !== undefined ? { plan } : {}) };
      if (gate) d.gate = gate as Decision['gate'];
      return follow(b, io, flags, id, () => b.approve(id, d), values.json === true);
    });
  },
};

export const projectResume: Command = {
  name: 'project resume',
  summary: 'Resume a paused (or interrupted) project and follow it to its next stop.',
  usage: `factory project resume ID [--json]\n${WHERE_USAGE}\n\n  Exit codes as project run.`,
  positionals: true,
  options: { ...WHERE, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = one(positionals);
    return withBackend(values, io, (b, flags) => follow(b, io, flags, id, () => b.resume(id), values.json === true));
  },
};

export const projectCancel: Command = {
  name: 'project cancel',
  summary: 'Cancel a project: its model calls and sandboxes stop, its temporary agents and tools are destroyed.',
  usage: `factory project cancel ID [--reason TEXT]\n${WHERE_USAGE}`,
  positionals: true,
  options: { ...WHERE, reason: { type: 'string' } },
  async run({ values, positionals }, io) {
    const id = one(positionals);
    return withBackend(values, io, async (b) => {
      const p = await b.cancel(id, values.reason as string | undefined);
      io.out(`${p.id}: ${p.status}${p.error ? ` (${p.error.message})` : ''}\n`);
      return p.status === 'cancelled' ? 0 : 1;
    });
  },
};

export const PROJECT_COMMANDS = [projectRun, projectList, projectShow, projectApprove, projectResume, projectCancel];
