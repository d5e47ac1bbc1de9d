import type { Access, Principal } from '../access/index.ts';
import type { AgentBlueprint, BlueprintDirLoad, RejectedBlueprint, ToolBlueprint } from '../blueprints/index.ts';
import { pageOfList, type PageOf, type PageRequest } from '../util/page.ts';

export type CatalogEntry =
  | { kind: 'agent'; file: string; blueprint: AgentBlueprint }
  | { kind: 'tool'; file: string; blueprint: ToolBlueprint; registered: boolean };

/**
 * The blueprints on disk (validated at start), agents then tools by name; a tool is `registered` when
 * the caller may see a tool of its name.
 */
export async function blueprintCatalog(
  load: BlueprintDirLoad,
  access: Pick<Access, 'may'>,
  p: Principal,
  page: PageRequest,
): Promise<PageOf<CatalogEntry> & { rejected: RejectedBlueprint[] }> {
  const tools = [...load.tools.values()];
  const registered = await Promise.all(tools.map((b) => access.may(p, 'tool', b.blueprint.name, 'read')));
  const entries: CatalogEntry[] = [
    ...[...load.agents.values()].map((b) => ({ kind: 'agent' as const, file: b.file, blueprint: b.blueprint })),
    ...tools.map((b, i) => ({ kind: 'tool' as const, file: b.file, blueprint: b.blueprint, registered: registered[i]! })),
  ].sort((a, b) => (a.kind === b.kind ? (a.blueprint.name < b.blueprint.name ? -1 : 1) : a.kind === 'agent' ? -1 : 1));
  return { ...pageOfList(entries, page, (e) => [e.kind, e.blueprint.name]), rejected: load.rejected };
}
