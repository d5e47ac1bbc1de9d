/** The blueprint module's public door: schemas, the input convention, parsing, loading, expectations. */
export * from './schema.ts';
export {
  MAX_BLUEPRINT_BYTES,
  blueprintInvalid,
  parseAgentBlueprint,
  parseToolBlueprint,
  validateBlueprint,
  validateBlueprintText,
  type BlueprintKind,
  type BlueprintOf,
  type ValidationResult,
} from './parse.ts';
export {
  AGENTS_DIR,
  BLUEPRINT_EXTENSIONS,
  DATA_DIR,
  TOOLS_DIR,
  loadBlueprintDir,
  resolveSampleData,
  type BlueprintDirLoad,
  type LoadedBlueprint,
  type LoadedTool,
  type RejectedBlueprint,
} from './load.ts';
export {
  ExpectationFailureSchema,
  NUMBER_TOLERANCE,
  ProbeResultSchema,
  checkExpectation,
  jsonDiff,
  type ExpectationCheck,
  type ExpectationFailure,
  type ProbeResult,
  type RunOutcome,
} from './expect.ts';
export { pythonModuleProblem, shellCommandProblem, toolPolicyIssues } from './policy.ts';
