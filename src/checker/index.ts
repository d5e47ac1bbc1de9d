/**
 * The checker's one door: `check(source, language, policy)` judges generated code against a
 * resolved policy before it may run. Python, shell and JavaScript (for isolated-vm tools) are all parsed
 * with tree-sitter.
 */
import { FactoryError } from '../errors/catalog.ts';
import type { Policy } from '../policy/schema.ts';
import { sortFindings } from './findings.ts';
import { checkJavascript } from './javascript/index.ts';
import { checkPython } from './python/index.ts';
import { checkShell } from './shell/index.ts';
import { isBlocking, LANGUAGES, type CheckResult, type Language } from './types.ts';

export * from './types.ts';
export { RULES, type RuleId } from './rules.ts';

/** Larger sources are refused before parsing (generated tools are far smaller). */
export const MAX_SOURCE_CHARS = 2_000_000;

export function check(source: string, language: Language, policy: Policy): CheckResult {
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw new FactoryError('LANGUAGE_UNSUPPORTED', `language '${String(language)}' is not supported`, { language });
  }
  if (source.length > MAX_SOURCE_CHARS) {
    throw new FactoryError('SOURCE_UNPARSEABLE', `the source is larger than ${MAX_SOURCE_CHARS} characters`, { length: source.length });
  }
  const { findings, parseErrors } =
    language === 'python'
      ? checkPython(source, policy)
      : language === 'shell'
        ? checkShell(source, policy)
        : checkJavascript(source, policy);
  const sorted = sortFindings(findings);
  const result: CheckResult = { allowed: !sorted.some((f) => isBlocking(f.severity)), language, findings: sorted };
  if (parseErrors.length > 0) result.parseErrors = parseErrors;
  return result;
}
