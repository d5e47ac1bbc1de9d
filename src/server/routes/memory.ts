import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EpisodeHitsSchema,
  EpisodeSchema,
  EpisodesQuery,
  KnowledgeBody,
  KnowledgeHitsSchema,
  KnowledgeItemSchema,
  KnowledgeListQuery,
  MemorySearchQuery,
  RememberBody,
  SavedKnowledgeSchema,
  type Coordinator,
} from '../../coordinator/index.ts';
import { who } from '../http/auth.ts';
import { errors, json, NextCursor, pageReply, query, strict } from '../schemas/common.ts';

type Door = Pick<
  Coordinator,
  | 'addKnowledge'
  | 'listKnowledge'
  | 'knowledgeItem'
  | 'deleteKnowledge'
  | 'searchKnowledge'
  | 'saveResult'
  | 'listEpisodes'
  | 'searchEpisodes'
>;

const ItemParams = strict({ id: z.string().min(1).max(200) });
const OwnerQuery = query({ owner: z.string().min(1).max(200).optional().describe('admins and viewers: whose item (default: your own)') });
const ProjectParams = strict({ id: z.string().regex(/^prj_[0-9a-f]{16}$/, 'not a project id (prj_ and 16 hex digits)') });
const Saved = z.object({ item: SavedKnowledgeSchema });
const PRIVATE = 'Private to its owner: a submitter reaches only its own (another’s is 404); admins and viewers may name an `owner`.';
const tags = ['memory'];

/**
 * Long-term memory (issue 13) over HTTP: a knowledge base that agents are given the most similar
 * items of, and episodes of finished projects, both searched by embedding similarity.
 */
export const memoryRoutes: FastifyPluginAsyncZod<{ memory: Door }> = async (app, { memory }) => {
  app.post(
    '/api/v1/knowledge',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'addKnowledge',
        tags,
        summary: 'Add a knowledge item',
        description:
          'Embedded with the embedding model (`embedded: false` when the model server is away: it is embedded at the next ' +
          `search). 409 MEMORY_LIMIT past coordinator.memory.knowledge.maxItems. ${PRIVATE}`,
        body: KnowledgeBody,
        response: { 201: json('Added', Saved), ...errors(401, 403, 409, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send({ item: await memory.addKnowledge(who(req), req.body) }),
  );

  app.get(
    '/api/v1/knowledge',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listKnowledge',
        tags,
        summary: 'List knowledge items',
        description: `Newest first. ${PRIVATE}`,
        querystring: query(KnowledgeListQuery.shape),
        response: {
          200: json('A page of items', z.object({ items: z.array(KnowledgeItemSchema), nextCursor: NextCursor })),
          ...errors(401, 404),
        },
      },
    },
    async (req) => pageReply('items', await memory.listKnowledge(who(req), req.query), (k) => k),
  );

  app.get(
    '/api/v1/knowledge/search',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'searchKnowledge',
        tags,
        summary: 'Search the knowledge base',
        description: `The items most similar to \`q\` by embedding (cosine), best first. 503 when the model server is away. ${PRIVATE}`,
        querystring: query(MemorySearchQuery.shape),
        response: { 200: json('The hits', z.object({ hits: KnowledgeHitsSchema })), ...errors(401, 404, 502, 503, 504) },
      },
    },
    async (req) => memory.searchKnowledge(who(req), req.query),
  );

  app.get(
    '/api/v1/knowledge/:id',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getKnowledge',
        tags,
        summary: 'One knowledge item',
        description: PRIVATE,
        params: ItemParams,
        querystring: OwnerQuery,
        response: { 200: json('The item', z.object({ item: KnowledgeItemSchema })), ...errors(401, 404) },
      },
    },
    async (req) => ({ item: await memory.knowledgeItem(who(req), req.params.id, req.query.owner) }),
  );

  app.delete(
    '/api/v1/knowledge/:id',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'deleteKnowledge',
        tags,
        summary: 'Delete a knowledge item',
        description: 'Your own (an admin may name an `owner`). 404 when there is no such item of yours.',
        params: ItemParams,
        querystring: OwnerQuery,
        response: { 200: json('Deleted', z.object({ deleted: z.literal(true) })), ...errors(401, 403, 404) },
      },
    },
    async (req) => memory.deleteKnowledge(who(req), req.params.id, req.query.owner),
  );

  app.post(
    '/api/v1/projects/:id/remember',
    {
      config: { role: 'submitter' },
      schema: {
        operationId: 'rememberProjectResult',
        tags,
        summary: 'Save a completed project’s result as knowledge',
        description:
          'Into its owner’s knowledge base (idempotent: the same item again). 409 PROJECT_STATE_INVALID unless completed. Only ' +
          'the owner or an admin (403 for others who see it; 404 for a submitter who does not).',
        params: ProjectParams,
        body: RememberBody.optional(),
        response: { 201: json('Saved', Saved), ...errors(401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send({ item: await memory.saveResult(who(req), req.params.id, req.body ?? {}) }),
  );

  app.get(
    '/api/v1/episodes',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listEpisodes',
        tags,
        summary: 'List episodes',
        description: `Finished projects (task, plan, outcome, scores), newest first; kept per coordinator.memory.episodes. ${PRIVATE}`,
        querystring: query(EpisodesQuery.shape),
        response: { 200: json('The episodes', z.object({ episodes: z.array(EpisodeSchema) })), ...errors(401, 404) },
      },
    },
    async (req) => memory.listEpisodes(who(req), req.query),
  );

  app.get(
    '/api/v1/episodes/search',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'searchEpisodes',
        tags,
        summary: 'Search episodes',
        description: `Finished projects whose task is most similar to \`q\`: how similar work went before. ${PRIVATE}`,
        querystring: query(MemorySearchQuery.shape),
        response: { 200: json('The hits', z.object({ hits: EpisodeHitsSchema })), ...errors(401, 404, 502, 503, 504) },
      },
    },
    async (req) => memory.searchEpisodes(who(req), req.query),
  );
};
