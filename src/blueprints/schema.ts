/**
 * The blueprint schemas: the single source of truth for agent and tool blueprints (types via z.infer).
 * Objects are strict, so a misspelt key is an error rather than a silently ignored setting.
 *
 * ## The tool input convention
 *
 * A tool is run with one input object whose keys are the names in its `inputSpec`. It receives that
 * input twice, so it can use whichever is more natural for its language:
 *
 * 1. **stdin**: the input object with defaults applied, as one line of JSON (`inputStdin`).
 *    Python: `json.load(sys.stdin)`; shell: `jq` on stdin; JavaScript (isolate): the global `input`.
 * 2. **command-line arguments**: the inputSpec values in declaration order, as strings (`inputArgs`):
 *    strings and paths as they are, numbers as written by JavaScript (`7`, `2.5`), booleans as
 *    `true`/`false`, lists and dicts as JSON. An absent parameter takes its default; one with no value
 *    and no default is an empty string when later parameters follow, and left off at the end.
 *    Python: `sys.argv[1:]`; shell: `"$1" "$2"`; JavaScript: the global `args`.
 *
 * So seed 004's argv-based `csv_aggregator` (`csv_aggregator <directory> <column>`) runs unchanged,
 * and generated tools may simply read the JSON on stdin. Tools print their result on stdout (one JSON
 * document when `outputSpec.format` is `json`) and exit 0; errors go to stderr with a non-zero exit.
 *
 * Sample data (`sampleData: csv`) is the folder `blueprints/data/csv`, mounted read-only at `/data`
 * while the examples run; examples therefore address their files as `/data/...`.
 */
export {
  AGENT_OUTPUT_FORMATS,
  AgentOutputSpec,
  BLUEPRINT_NAME_RE,
  BlueprintName,
  LIMITS,
  ModelName,
  OutputSpec,
  TOOL_OUTPUT_FORMATS,
  type BlueprintIssue,
} from './common.ts';
export { AGENT_TYPES, AgentBlueprint, AgentType, KnowledgeItem, SKILL_LEVELS, Skill, type AgentBlueprintInput } from './agent.ts';
export {
  EnvName,
  Example,
  Expectation,
  ParameterSpec,
  ParamType,
  SAMPLE_DATA_RE,
  SampleData,
  TOOL_LANGUAGES,
  ToolBlueprint,
  ToolLanguage,
  type ToolBlueprintInput,
} from './tool.ts';
export {
  PARAM_TYPES,
  applyDefaults,
  argText,
  checkToolInput,
  inputArgs,
  inputContract,
  inputStdin,
  paramTypeIssue,
  type InputContract,
  type InputIssue,
  type InputJsonSchema,
  type InputSpecHolder,
  type ParamLike,
} from './input.ts';
