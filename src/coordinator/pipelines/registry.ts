/**
 * The pipelines on disk (`<pipelineDir>/*.yaml|yml`, role files in `<pipelineDir>/roles/`): each file
 * loads whole or is listed in `rejected` with every problem, never half. A project runs from the
 * texts it recorded at its creation (`fromBundle`), so a later edit of a file changes new projects
 * only; a recorded bundle is parsed once per digest.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FactoryError } from '../../errors/catalog.ts';
import { bundleDigest, loadPipeline, type Pipeline, type PipelineBundle } from './load.ts';
import type { PipelineIssue } from './yaml.ts';

export const PIPELINE_EXTENSIONS = ['.yaml', '.yml'] as const;
export const ROLES_DIR = 'roles';

export interface RejectedPipeline {
  file: string;
  issues: PipelineIssue[];
}

export class PipelineRegistry {
  private loaded = new Map<string, Pipeline>();
  private bad: RejectedPipeline[] = [];
  private readonly recorded = new Map<string, Pipeline>();

  constructor(readonly dir: string) {
    this.reload();
  }

  /** Reads every pipeline file again (new projects use the new texts; running ones keep theirs). */
  reload(): { loaded: string[]; rejected: RejectedPipeline[] } {
    const loaded = new Map<string, Pipeline>();
    const bad: RejectedPipeline[] = [];
    const files = existsSync(this.dir)
      ? readdirSync(this.dir, { withFileTypes: true })
          .filter((e) => e.isFile() && !e.name.startsWith('.') && PIPELINE_EXTENSIONS.some((x) => e.name.endsWith(x)))
          .map((e) => e.name)
          .sort()
      : [];
    for (const file of files) {
      const base = file.replace(/\.ya?ml$/, '');
      let text: string;
      try {
        text = readFileSync(path.join(this.dir, file), 'utf8');
      } catch (e) {
        bad.push({ file, issues: [{ file, path: '(root)', message: `cannot read the file: ${(e as Error).message}` }] });
        continue;
      }
      const r = loadPipeline(file, text, (name) => this.readRole(name), base);
      if (!r.ok) bad.push({ file, issues: r.issues });
      else if (loaded.has(r.pipeline.name))
        bad.push({ file, issues: [{ file, path: 'name', message: `duplicate pipeline name '${r.pipeline.name}'` }] });
      else loaded.set(r.pipeline.name, r.pipeline);
    }
    this.loaded = loaded;
    this.bad = bad;
    return { loaded: [...loaded.keys()], rejected: bad };
  }

  private readRole(name: string): string | undefined {
    if (!/^[a-z][a-z0-9_-]{1,63}$/.test(name)) return undefined;
    for (const ext of PIPELINE_EXTENSIONS) {
      const f = path.join(this.dir, ROLES_DIR, `${name}${ext}`);
      if (existsSync(f)) return readFileSync(f, 'utf8');
    }
    return undefined;
  }

  get(name: string): Pipeline | undefined {
    return this.loaded.get(name);
  }

  list(): Pipeline[] {
    return [...this.loaded.values()];
  }

  get rejected(): RejectedPipeline[] {
    return this.bad;
  }

  /** The rejection of a file named like `name`, if its load failed. */
  rejectionOf(name: string): RejectedPipeline | undefined {
    return this.bad.find((b) => b.file.replace(/\.ya?ml$/, '') === name);
  }

  /** A pipeline from the texts a project recorded (parsed once per digest); PIPELINE_INVALID if they no longer load. */
  fromBundle(bundle: PipelineBundle): Pipeline {
    const digest = bundleDigest(bundle);
    const hit = this.recorded.get(digest);
    if (hit) return hit;
    const r = loadPipeline(bundle.file, bundle.text, (name) => bundle.roles[name]);
    if (!r.ok) {
      throw new FactoryError('PIPELINE_INVALID', `The recorded pipeline ${bundle.file} does not load: ${summary(r.issues)}`, {
        file: bundle.file,
        issues: r.issues,
      });
    }
    this.recorded.set(digest, r.pipeline);
    return r.pipeline;
  }
}

export function summary(issues: PipelineIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.file}${i.line !== undefined ? `:${i.line}:${i.column ?? 1}` : ''} ${i.path}: ${i.message}`)
    .join('; ');
}
