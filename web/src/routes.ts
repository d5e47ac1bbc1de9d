/**
 * The dashboard's pages, each with the stream topics it follows (projects: `project:<id>`).
 */
import type { RouteDef } from './router.ts';
import { ActivityPage } from './pages/activity.tsx';
import { AgentList, AgentPage } from './pages/agents.tsx';
import { AuditPage } from './pages/audit.tsx';
import { Overview } from './pages/overview.tsx';
import { PolicyList, PolicyPage } from './pages/policies.tsx';
import { ProjectPage } from './pages/project/project.tsx';
import { ProjectList } from './pages/projects.tsx';
import { JobList, JobPage, RunList, RunPage } from './pages/runs.tsx';
import { ToolList, ToolPage } from './pages/tools.tsx';
import { UsagePage } from './pages/usage.tsx';

export const ROUTES: RouteDef[] = [
  { path: '/', title: () => 'Overview', view: Overview, nav: { label: 'Overview', order: 0 } },
  { path: '/projects', title: () => 'Projects', view: ProjectList, nav: { label: 'Projects', order: 10 } },
  { path: '/projects/:id', title: (p) => `Project ${p.id}`, view: ProjectPage },
  { path: '/tools', title: () => 'Tools', view: ToolList, nav: { label: 'Tools', order: 20 } },
  { path: '/tools/:name', title: (p) => `Tool ${p.name}`, view: ToolPage },
  { path: '/agents', title: () => 'Agents', view: AgentList, nav: { label: 'Agents', order: 30 } },
  { path: '/agents/:id', title: (p) => `Agent ${p.id}`, view: AgentPage },
  { path: '/runs', title: () => 'Runs', view: RunList, nav: { label: 'Runs', order: 40 } },
  { path: '/runs/:id', title: (p) => `Run ${p.id}`, view: RunPage },
  { path: '/jobs', title: () => 'Jobs', view: JobList },
  { path: '/jobs/:id', title: (p) => `Job ${p.id}`, view: JobPage },
  { path: '/policies', title: () => 'Policies', view: PolicyList, nav: { label: 'Policies', order: 50 } },
  { path: '/policies/:name', title: (p) => `Policy ${p.name}`, view: PolicyPage },
  { path: '/audit', title: () => 'Audit trail', view: AuditPage, nav: { label: 'Audit', order: 60 } },
  { path: '/usage', title: () => 'Model usage', view: UsagePage, nav: { label: 'Usage', order: 70 } },
  { path: '/activity', title: () => 'Live activity', view: ActivityPage, nav: { label: 'Activity', order: 80 } },
];
