/**
 * The one tree-sitter query the Python checker runs per file. Rules read the capture lists by name
 * (`ctx.caps`), so every node kind is visited once. Plain identifiers are not captured here (they are
 * the most numerous nodes): `ctx.identifiers()` finds only the ones worth judging (identifiers.ts).
 */
export const PYTHON_QUERY = `
(import_statement) @import
(import_from_statement) @import_from
(assignment left: (identifier) @assign.name right: (_) @assign.value)
(assignment left: [(pattern_list) (tuple_pattern) (list_pattern)] @assign.left right: (_) @assign.right)
(assignment left: (identifier) right: (identifier) @assign.alias)
(augmented_assignment left: (identifier) @bind.opaque)
(named_expression name: (identifier) @walrus.name value: (_) @walrus.value)
(call function: (_) @call.fn) @call
(attribute) @attr
(string) @str
(subscript subscript: (_) @sub.key)
(exec_statement) @exec
(parameters (identifier) @bind.opaque)
(lambda_parameters (identifier) @bind.opaque)
(default_parameter name: (identifier) @bind.opaque)
(typed_default_parameter name: (identifier) @bind.opaque)
(typed_parameter (identifier) @bind.opaque)
(list_splat_pattern (identifier) @bind.opaque)
(dictionary_splat_pattern (identifier) @bind.opaque)
(for_statement left: (_) @bind.target)
(for_in_clause left: (_) @bind.target)
(as_pattern_target) @bind.target
(function_definition name: (identifier) @bind.def)
(class_definition name: (identifier) @bind.def)
(class_definition name: (identifier) @class.name)
(global_statement (identifier) @bind.opaque)
(type) @annotation
(assignment left: (subscript) @assign.sub right: (_) @assign.sub.value)
(augmented_assignment left: (subscript) @assign.sub right: (_) @assign.sub.value)
(assignment left: (attribute) @assign.attr right: (_) @assign.attr.value)
(augmented_assignment left: (attribute) @aug.target)
(ERROR) @error
`;
