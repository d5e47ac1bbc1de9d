/** The one tree-sitter query the JavaScript checker runs per tool; rules read the captures by name. */
export const JAVASCRIPT_QUERY = `
(identifier) @id
(shorthand_property_identifier) @id
(member_expression object: (identifier) @member.object)
(property_identifier) @prop
(shorthand_property_identifier_pattern) @prop
(pair_pattern key: (computed_property_name) @pattern.key)
(with_statement) @with
(subscript_expression object: (_) @sub.object index: (_) @sub.index) @sub
(call_expression function: (import)) @import
(import_statement) @import
(export_statement source: (_)) @import
(meta_property) @meta
(string) @str
(template_string) @template
(this) @this
(variable_declarator name: (identifier) @bind.name value: (_) @bind.value)
(assignment_expression left: (identifier) @bind.name right: (_) @bind.value)
(augmented_assignment_expression left: (identifier) @aug.name) @aug
(update_expression argument: (identifier) @update.name)
(formal_parameters (identifier) @param)
(arrow_function parameter: (identifier) @param)
(for_in_statement left: (identifier) @loop.name)
(call_expression function: (_) @call.fn arguments: (_) @call.args) @call
(ERROR) @error
`;
