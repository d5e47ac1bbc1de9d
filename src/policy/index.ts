/** The policy module's public door. */
export * from './schema.ts';
export { parsePolicyText, policyHash, policyYamlData, MAX_POLICY_BYTES, type PolicyParseResult } from './parse.ts';
export { resolveAll, resolveOne, type ResolveResult } from './resolve.ts';
export {
  loadPolicyDir,
  loadPolicyFile,
  loadPolicyNamed,
  loadSources,
  policyFromText,
  readPolicySources,
  readPolicySourcesSync,
  type LoadedPolicy,
  type PolicyDirLoad,
  type PolicySource,
  type RejectedPolicy,
} from './load.ts';
export { assertPolicyName, isValidPolicyName, policyFilePath, policyNameOfFile, POLICY_EXTENSIONS } from './names.ts';
export {
  PolicyRegistry,
  atomicWrite,
  type PolicyChangeEvent,
  type PolicyChangeKind,
  type PolicyInfo,
  type PolicyRegistryOptions,
  type PolicyWriteResult,
} from './registry.ts';
export { pathAccess, resolveScriptPath, urlAllowed, hostOf, isMetadataHost, WORKDIR, type PathAccess } from './access.ts';
