/**
 * A coordinator on the real service modules with the repository's pipelines (or a given folder),
 * talking to the scripted Ollama server through the pipeline script (script.ts) and scripted
 * embeddings.
 */
import type { ProjectView } from '../../src/coordinator/index.ts';
import { startFakeOllama, type EmbeddingScript, type FakeOllama } from '../helpers/fake-ollama.ts';
import { ALICE, startHarness, type Harness } from '../coordinator/harness.ts';
import { pscript, type PScript } from './script.ts';

export interface PipelineHarness extends Harness {
  /** creates a project of `pipeline` and waits until its run has ended */
  runPipeline(pipeline: string, task: string, config?: Record<string, unknown>, who?: typeof ALICE): Promise<ProjectView>;
}

export async function startPipelines(opts: {
  model: PScript | PScript[];
  embeddings?: EmbeddingScript;
  config?: Record<string, string>;
  dataDir?: string;
  keep?: boolean;
}): Promise<PipelineHarness> {
  const layers = Array.isArray(opts.model) ? opts.model : [opts.model];
  const fake: FakeOllama = await startFakeOllama({
    replies: pscript(...layers),
    ...(opts.embeddings ? { embeddings: opts.embeddings } : {}),
  });
  const h = await startHarness({
    model: () => undefined,
    fake,
    ...(opts.config ? { config: opts.config } : {}),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.keep ? { keep: true } : {}),
  });
  return {
    ...h,
    async runPipeline(pipeline, task, config = {}, who = ALICE) {
      const p = await h.coordinator.create(who, { task, pipeline, config });
      return h.coordinator.settled(who, p.id);
    },
    async close() {
      await h.close();
      await fake.close();
    },
  };
}

/** A vector for a text in a small "meaning" space: the axis of the first keyword it contains. */
export function keywordVectors(axes: string[][]): EmbeddingScript {
  return (text) => {
    const lower = text.toLowerCase();
    const i = axes.findIndex((words) => words.some((w) => lower.includes(w)));
    if (i < 0) return undefined;
    return axes.map((_, j) => (j === i ? 1 : 0.05));
  };
}
