import { readFileSync } from 'node:fs';

/**
 * The job a pre-started sandbox receives on its stdin. The runner inside the container reads exactly
 * these frames (never more), so whatever follows them in the stream is the script's own stdin.
 *
 *   AF1\n  <len>\n<nonce>  <len>\n<cwd>  <len>\n<source>  <len>\n<argc> (<len>\n<arg>)*  <len>\n<envc> (<len>\n<KEY=VALUE>)*  <stdin…>
 *
 * Lengths are decimal byte counts. Sources must not contain NUL bytes (bash cannot hold them).
 */
export interface Job {
  /** random per run; the runner ends stdout and stderr with NUL AFEND:<nonce>:<exit code> NUL */
  nonce: string;
  cwd: string;
  source: string;
  args: string[];
  env: Record<string, string>;
  stdin: string;
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function frame(s: string): Buffer {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.from(`${b.length}\n`), b]);
}

export function encodeJob(job: Job): Buffer {
  for (const [k, v] of Object.entries(job.env)) {
    if (!ENV_KEY.test(k)) throw new Error(`environment variable name ${JSON.stringify(k)} is not valid`);
    if (v.includes('\0')) throw new Error(`environment variable ${k} contains a NUL byte`);
  }
  if (job.source.includes('\0')) throw new Error('the source contains a NUL byte');
  const envs = Object.entries(job.env);
  return Buffer.concat([
    Buffer.from('AF1\n'),
    frame(job.nonce),
    frame(job.cwd),
    frame(job.source),
    frame(String(job.args.length)),
    ...job.args.map(frame),
    frame(String(envs.length)),
    ...envs.map(([k, v]) => frame(`${k}=${v}`)),
    Buffer.from(job.stdin, 'utf8'),
  ]);
}

/**
 * The runners, started with the container so that interpreter start-up is paid before a run is asked
 * for. Each reads exactly one job and then runs the script (see the files for details). Exit code 125
 * means a broken job stream, a service bug rather than the tool's failure.
 */
export const PYTHON_RUNNER = readFileSync(new URL('./runners/python-runner.py', import.meta.url), 'utf8');
export const SHELL_RUNNER = readFileSync(new URL('./runners/shell-runner.sh', import.meta.url), 'utf8');

/** The bytes that open the end marker for a nonce; the exit code and a closing NUL follow. */
export function endMarkerPrefix(nonce: string): Buffer {
  return Buffer.from(`\0AFEND:${nonce}:`);
}
