/** The templates module's public door: the logic-less renderer, template loading, prompt contexts. */
export { parseTemplate, render, templateNames } from './render.ts';
export {
  TEMPLATE_DIR,
  TEMPLATE_NAME_RE,
  clearTemplateCache,
  isValidTemplateName,
  listTemplates,
  loadTemplate,
  renderPrompt,
  renderTemplate,
  splitPrompt,
  type Prompt,
} from './load.ts';
export {
  describeExpectation,
  oneLine,
  policyContext,
  renderSkeleton,
  toolGeneratorContext,
  toolRepairContext,
  toolSpecContext,
  type FindingInput,
  type ProbeFailureInput,
  type RepairInput,
} from './tool-context.ts';
export {
  agentSystemContext,
  renderAgentSystemPrompt,
  specialistDesignerContext,
  type SpecialistRequest,
  type ToolSummary,
} from './agent-context.ts';
