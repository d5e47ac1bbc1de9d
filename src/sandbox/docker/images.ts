import { readFileSync } from 'node:fs';
import type { DockerEngine } from './engine.ts';
import { fileURLToPath } from 'node:url';
import { LABEL_VERSION } from './spec.ts';

const IMAGES_DIR = fileURLToPath(new URL('../../../sandbox-images/', import.meta.url));

/** The content version the repository expects for an image (sandbox-images/<name>/VERSION). */
export function expectedVersion(name: 'python' | 'shell'): string {
  return readFileSync(`${IMAGES_DIR}${name}/VERSION`, 'utf8').trim();
}

export function defaultImage(name: 'python' | 'shell'): string {
  return `agent-factory/${name}:${expectedVersion(name)}`;
}

export interface ImageStatus {
  name: 'python' | 'shell';
  tag: string;
  ok: boolean;
  expected: string;
  found?: string;
  hint?: string;
}

/** Whether each sandbox image exists with the expected content version; says how to fix it when not. */
export async function imageStatus(engine: DockerEngine, tags: { python: string; shell: string }): Promise<ImageStatus[]> {
  return Promise.all(
    (['python', 'shell'] as const).map(async (name): Promise<ImageStatus> => {
      const tag = tags[name];
      const expected = expectedVersion(name);
      try {
        const info = await inspectImage(engine, tag);
        const found = info.Config?.Labels?.[LABEL_VERSION];
        if (tag !== defaultImage(name) || found === expected) return { name, tag, ok: true, expected, ...(found ? { found } : {}) };
        return {
          name,
          tag,
          ok: false,
          expected,
          ...(found ? { found } : {}),
          hint: `outdated (version ${found ?? 'none'}); rebuild with \`bash scripts/docker-up.sh --rebuild\``,
        };
      } catch {
        return { name, tag, ok: false, expected, hint: 'missing; build it with `bash scripts/docker-up.sh`' };
      }
    }),
  );
}

interface ImageInfo {
  Config?: { Labels?: Record<string, string> | null };
}

/** GET /images/{name}/json through the modem: dockerode's Image.inspect takes no abort signal. */
function inspectImage(engine: DockerEngine, tag: string): Promise<ImageInfo> {
  return engine.call(
    'image inspect',
    (abortSignal) =>
      new Promise<ImageInfo>((resolve, reject) => {
        (engine.docker.modem as { dial: (o: object, cb: (e: unknown, d: unknown) => void) => void }).dial(
          {
            path: `/images/${tag}/json`,
            method: 'GET',
            options: {},
            abortSignal,
            statusCodes: { 200: true, 404: 'no such image', 500: 'server error' },
          },
          (e, d) => (e ? reject(e) : resolve(d as ImageInfo)),
        );
      }),
  );
}
