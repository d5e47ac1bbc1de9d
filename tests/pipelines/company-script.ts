/** Scripts for seed 003's company (pipelines/company.yaml): every role answering well, and the two-phase story. */
import type { PAsk, PScript } from './script.ts';

export const task = (id: string) => ({ id, title: `task ${id}`, description: `do ${id}`, acceptanceCriteria: [`${id} works`] });
const PLAN = { goals: ['book rooms'], nonGoals: ['mobile app'], techDecisions: ['SQLite'], constraints: ['ten users'] };
const TWO_PHASES = {
  phases: [
    { id: 'phase-1', name: 'Storage', dependsOn: [], tasks: [task('t1'), task('t2')] },
    { id: 'phase-2', name: 'Web', dependsOn: ['phase-1'], tasks: [task('t3'), task('t4')] },
  ],
};
const noteOf = (a: PAsk, id: string): string => a.input.notes.find((n: any) => n.taskId === id)?.note ?? '';

/** Every role answers well unless a layer before it says otherwise. */
export const BASE: PScript = (a) => {
  switch (a.role) {
    case 'planner':
      return { reply: 'Here is the plan.', ready: true, questions: [], plan: PLAN };
    case 'project-manager':
      return TWO_PHASES;
    case 'estimator':
      return {
        tasks: a.input.tasks.map((t: any) => ({ id: t.id, complexity: 3 })),
        packages: a.input.tasks.map((t: any) => ({ id: `pkg-${t.id}`, taskIds: [t.id] })),
      };
    case 'worker':
      return {
        packageId: a.input.package.id,
        results: a.input.package.tasks.map((t: any) => ({
          taskId: t.id,
          status: 'done',
          output: `${t.id} done${noteOf(a, t.id) ? ` (${noteOf(a, t.id)})` : ''}`,
          filesChanged: [],
        })),
      };
    case 'critic':
      return { issues: [] };
    case 'pragmatist':
      return { validIssues: [], dismissedIssues: [], correctedResults: [] };
    case 'integrator':
      return { compatible: true, conflicts: [], mergedResult: `merged ${a.input.results.map((r: any) => r.taskId).join('+')}` };
    case 'ceo':
      return { action: 'approve_phase', reason: 'meets the plan', rework: [] };
    default:
      return undefined;
  }
};

/**
 * The two-phase story: the planner asks once, the CEO sends phase 1 back for rework, phase 2's first
 * integration fails (then its packages are done again), and the CEO escalates phase 2 to the person.
 */
export const STORY: PScript = (a) => {
  if (a.role === 'planner' && a.n === 0)
    return { reply: 'Which database, and who signs in?', ready: false, questions: ['database?'], plan: null };
  if (a.role === 'critic' && a.input.requirements.phase.id === 'phase-1')
    return { issues: [{ severity: 'minor', taskId: 't2', description: 'no index on bookings', suggestion: 'add one' }] };
  if (a.role === 'pragmatist' && a.input.issues.length) return { validIssues: a.input.issues, dismissedIssues: [], correctedResults: [] };
  if (a.role === 'integrator' && a.input.phase.id === 'phase-2' && a.n === 2)
    return {
      compatible: false,
      conflicts: [{ taskIds: ['t3', 't4'], description: 'the page calls /book, the API serves /bookings' }],
      mergedResult: '',
    };
  if (a.role === 'ceo' && a.input.phase.id === 'phase-1' && a.input.round === 1)
    return { action: 'request_rework', reason: 'tests are missing', rework: [{ taskId: 't1', instruction: 'add tests' }] };
  if (a.role === 'ceo' && a.input.phase.id === 'phase-2')
    return { action: 'escalate', reason: 'the page design needs the owner', rework: [] };
  return undefined;
};
