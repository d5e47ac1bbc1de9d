/** The one tree-sitter query the shell checker runs per script; rules read the captures by name. */
export const SHELL_QUERY = `
(command) @command
(declaration_command) @decl
(variable_assignment) @assign
(file_redirect) @redirect
(function_definition) @function
(while_statement) @while
(c_style_for_statement) @cfor
(arithmetic_expansion) @arith
(compound_statement "((") @arith_cmd
(test_command) @test
(ERROR) @error
`;
