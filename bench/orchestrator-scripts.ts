// The scripted model of `npm run bench -- orchestrator` (a) and (b), in a module of its own so the
// server thread (model-thread.ts) can make the same script from plain arguments.
import type { Script } from '../tests/coordinator/scripted-model.ts';

export const sub = (id: string, inputFrom: string[] = []) => ({
  id,
  description: `work on ${id}`,
  type: 'analysis',
  requiredSkills: [],
  inputFrom,
  priority: 3,
  acceptanceCriteria: [],
  tools: [],
});
export type Sub = ReturnType<typeof sub>;

/** Every worker turn, review and merge answers well after `delayMs` (a bare call is a worker turn too). */
export const good =
  (delayMs: number): Script =>
  (a) => {
    switch (a.role) {
      case 'worker':
        return { content: `result of ${a.task}`, delayMs };
      case 'review':
        return { content: JSON.stringify({ score: 0.95, accepted: true, issues: [], summary: 'ok' }), delayMs };
      case 'aggregate':
        return { content: JSON.stringify({ consistent: true, conflicts: [], result: 'merged', summary: 'ok' }), delayMs };
      default:
        return undefined;
    }
  };

/** The planner proposes `tasks`; everything else answers well; all after `delayMs`. */
export function planned(delayMs: number, tasks: Sub[]): Script[] {
  const plan: Script = (a) =>
    a.role === 'plan' ? { content: JSON.stringify({ analysis: 'bench', subTasks: tasks }), delayMs } : undefined;
  return [plan, good(delayMs)];
}

/** (a) a chain of `n` sub-tasks, each waiting for the one before */
export const chainTasks = (n: number): Sub[] => Array.from({ length: n }, (_, i) => sub(`t${i + 1}`, i ? [`t${i}`] : []));

/** (b) `n` tasks in `width` chains with cross links */
export const dagTasks = (n: number, width: number): Sub[] =>
  Array.from({ length: n }, (_, i) =>
    sub(`t${i + 1}`, [...(i >= width ? [`t${i + 1 - width}`] : []), ...(i >= width + 1 && i % 3 === 0 ? [`t${i - width}`] : [])]),
  );
