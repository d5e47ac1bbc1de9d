/**
 * Where an identifier only names something being defined (a parameter, a function name, a keyword
 * argument's name, an assignment target) rather than referring to a value.
 */
import type { SyntaxNode } from '../grammars.ts';
import type { PyContext } from './context.ts';

const ALWAYS_BINDING = new Set([
  'parameters',
  'lambda_parameters',
  'list_splat_pattern',
  'dictionary_splat_pattern',
  'global_statement',
  'nonlocal_statement',
  'as_pattern_target',
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'dotted_name',
  'aliased_import',
  'typed_parameter',
]);
/** Parent types where the identifier binds when it is the given field. */
const BINDING_FIELD: Record<string, string> = {
  function_definition: 'name',
  class_definition: 'name',
  default_parameter: 'name',
  typed_default_parameter: 'name',
  keyword_argument: 'name',
  assignment: 'left',
  augmented_assignment: 'left',
  for_statement: 'left',
  for_in_clause: 'left',
  named_expression: 'name',
};

export function isBindingPosition(_ctx: PyContext, id: SyntaxNode): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ALWAYS_BINDING.has(p.type)) return true;
  const field = BINDING_FIELD[p.type];
  if (!field) return false;
  const f = p.childForFieldName(field);
  return f !== null && f.startIndex === id.startIndex && f.endIndex === id.endIndex;
}

/** True when the identifier starting at `index` follows a `.`, i.e. is an attribute name. */
export function isAttributeNameAt(src: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12)
      i--; // space, tab, form feed
    else if (c === 10 && src[i - 1] === '\\')
      i -= 2; // backslash continuation
    else if (c === 10 && src[i - 1] === '\r' && src[i - 2] === '\\') i -= 3;
    else break;
  }
  return i >= 0 && src[i] === '.' && !(i > 0 && src[i - 1] === '.');
}
