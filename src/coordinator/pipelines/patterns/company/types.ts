/** The shapes the company interpreter reads (seed 003; held to by COMPANY_CONTRACTS at load). */
export interface ProjectPlan {
  goals: string[];
  nonGoals: string[];
  techDecisions: string[];
  constraints: string[];
}
export interface Task {
  id: string;
  title: string;
  description: string;
  acceptanceCriteria: string[];
}
export interface Phase {
  id: string;
  name: string;
  dependsOn: string[];
  tasks: Task[];
  /** a phase made by the CEO's split of another (never split again) */
  splitOf?: string;
}
export interface Package {
  id: string;
  tasks: Task[];
  totalComplexity: number;
}
export interface TaskResult {
  taskId: string;
  status: 'done' | 'failed';
  output: string;
}
export interface Issue {
  severity: 'critical' | 'major' | 'minor' | 'nitpick';
  taskId: string;
  description: string;
  suggestion: string;
}
export interface PlannerReply {
  reply: string;
  ready: boolean;
  questions?: string[];
  plan: ProjectPlan | null;
}
export interface EstimatorReply {
  tasks: { id: string; complexity: number }[];
  packages: { id: string; taskIds: string[] }[];
}
export interface WorkerReply {
  packageId: string;
  results: TaskResult[];
}
export interface PragmatistReply {
  validIssues: Issue[];
  dismissedIssues: { description: string; reason: string }[];
  correctedResults: { taskId: string; output: string }[];
}
export interface IntegratorReply {
  compatible: boolean;
  conflicts: { taskIds: string[]; description: string }[];
  mergedResult: string;
}
export interface CeoReply {
  action: 'approve_phase' | 'request_rework' | 'escalate';
  reason: string;
  rework: { taskId: string; instruction: string }[];
}
export interface PhaseOutcome {
  id: string;
  name: string;
  result: string;
  results: TaskResult[];
  rounds: number;
  approvedBy: string;
  knownIssues: Issue[];
}
