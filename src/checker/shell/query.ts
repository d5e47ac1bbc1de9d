/** The one tree-sitter query the shell checker runs per script; rules read the captures by name. */
export const SHELL_QUERY = `
(command name: (command_name) @command.name) @command
(command argument: (_) @command.arg) @command.argof
(declaration_command) @decl
(variable_assignment) @assign
(file_redirect) @redirect
(function_definition) @function
(while_statement) @while
(for_statement variable: (variable_name) @for.var) @for
(case_statement) @case
(unset_command) @unset
(expansion) @expansion
(subscript) @subscript
(c_style_for_statement) @cfor
(arithmetic_expansion) @arith
(compound_statement "((") @arith_cmd
(test_command) @test
(ERROR) @error
`;
