// The scripted Ollama server in a thread of its own, as a real Ollama is a process of its own: its CPU
// (decoding requests, matching the script, streaming replies) does not compete with the engine's event
// loop, so a benchmark charges the engine only for the engine. The thread imports `module` and serves
// the Script that its export `name` makes from `args` (which must survive structured cloning).
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Script } from '../tests/coordinator/scripted-model.ts';

export interface ModelThread {
  url: string;
  /** chat requests served so far */
  chats(): Promise<number>;
  close(): Promise<void>;
}

interface Spec {
  module: string;
  name: string;
  args: unknown[];
}

/** Starts the server thread; resolves with its address once it listens. */
export function startModelThread(spec: Spec): Promise<ModelThread> {
  // the thread runs this file, TypeScript like the rest of the bench: tsx is registered in it first
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const self = JSON.stringify(import.meta.url);
  const worker = new Worker(`import(${tsx}).then((m) => { m.register(); return import(${self}); })`, { eval: true, workerData: spec });
  const ask = <T>(msg: string): Promise<T> =>
    new Promise((resolve) => {
      worker.once('message', (m: T) => resolve(m));
      worker.postMessage(msg);
    });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { url: string }) =>
      resolve({
        url: m.url,
        chats: () => ask<number>('chats'),
        close: async () => {
          await ask('close');
          await worker.terminate();
        },
      }),
    );
  });
}

async function serve(port: NonNullable<typeof parentPort>, spec: Spec): Promise<void> {
  const { startFakeOllama } = await import('../tests/helpers/fake-ollama.ts');
  const { script } = await import('../tests/coordinator/scripted-model.ts');
  const mod = (await import(spec.module)) as Record<string, (...a: unknown[]) => Script[]>;
  const fake = await startFakeOllama({ replies: script(...mod[spec.name]!(...spec.args)) });
  port.on('message', (m: string) => {
    if (m === 'chats') port.postMessage(fake.chats().length);
    if (m === 'close') void fake.close().then(() => port.postMessage('closed'));
  });
  port.postMessage({ url: fake.url });
}

if (parentPort && workerData) await serve(parentPort, workerData as Spec);
