import { jsonSchemaTransform, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { splitTopic, type Access } from '../../access/index.ts';
import { FactoryError, formatIssues } from '../../errors/catalog.ts';
import { errorBody } from '../http/errors.ts';
import type { EventBus, ProgressEvent } from '../../events/index.ts';
import { who } from '../http/auth.ts';
import { empty, errors, query } from '../schemas/common.ts';

/**
 * The client's messages. A topic is `*`, a kind of resource the access rules know in the plural (jobs,
 * runs, agents, tools, and whatever kinds other modules register) or one resource (`kind:id`).
 */
function clientMessage(kinds: string[]) {
  const plural = kinds.map((k) => `${k}s`);
  const Topic = z
    .string()
    .max(200)
    .refine((t) => t === '*' || plural.includes(t) || (/^[a-z]+:[A-Za-z0-9_.-]{1,100}$/.test(t) && kinds.includes(t.split(':')[0]!)), {
      message: `not a topic: use *, ${plural.join(', ')} or kind:id (${kinds.join(', ')})`,
    });
  return z.discriminatedUnion('type', [
    z
      .object({ type: z.literal('subscribe'), topics: z.array(Topic).min(1).max(100), lastEventId: z.number().int().min(0).optional() })
      .strict(),
    z.object({ type: z.literal('unsubscribe'), topics: z.array(Topic).min(1).max(100) }).strict(),
    z.object({ type: z.literal('ping') }).strict(),
  ]);
}
type ClientMessage = z.infer<ReturnType<typeof clientMessage>>;
/** The events a topic subscription matches: by exact topic, or by prefix (`''` for `*`, `tool:` for `tools`). */
const prefixOf = (t: string): string | undefined => (t === '*' ? '' : t.includes(':') ? undefined : `${t.slice(0, -1)}:`);

export interface StreamOptions {
  /** a client whose unsent data exceeds this is told to resync and disconnected */
  maxBufferedBytes?: number;
  heartbeatMs?: number;
  /** told when a connection opens and closes and when a slow client is dropped (metrics) */
  observer?: { opened(): void; closed(): void; dropped(): void } | undefined;
}

/**
 * WebSocket /api/v1/stream: subscribe to progress events; every event is persisted and numbered, so a
 * client that reconnects with its last event id gets what it missed, in order. Slow clients never slow
 * the service: past a bounded buffer they are told to resync and disconnected.
 */
export const streamRoutes: FastifyPluginAsyncZod<{ events: EventBus; access: Access; options?: StreamOptions | undefined }> = async (
  app,
  { events, access, options = {} },
) => {
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const observer = options.observer;

  app.get(
    '/api/v1/stream',
    {
      websocket: true,
      config: {
        role: 'viewer',
        // @fastify/websocket hides WebSocket routes from the document; this one is part of the API
        swaggerTransform: ({ schema, ...rest }) => jsonSchemaTransform({ ...rest, schema: { ...schema, hide: false } }),
      },
      schema: {
        operationId: 'openStream',
        tags: ['stream'],
        summary: 'Progress events over WebSocket',
        description: [
          'Upgrade to a WebSocket with the bearer token on the upgrade; browsers, which cannot set headers there, offer the',
          'subprotocols `agent-factory.v1` and `agent-factory.bearer.<token>` (the server answers `agent-factory.v1`), or',
          'send `?access_token=` (redacted from logs).',
          'Send `{"type":"subscribe","topics":[…],"lastEventId":N}` with topics `job:<id>`, `run:<id>`, `agent:<id>`,',
          '`tool:<name>`, `project:<id>`, `jobs`, `runs`, `agents`, `tools`, `projects` or `*`; receive `{"type":"event","id":N,"topic":…,"event":',
          '{project,task,agent,status,progress,message,metadata,timestamp}}`, numbered and persisted: reconnect with the',
          'last id to get what you missed. A topic you may not see (or that does not exist) is refused with',
          'RESOURCE_NOT_FOUND; kind subscriptions carry the events of your own actions and about your own resources',
          '(all, for viewers and admins). A client that reads too slowly gets `{"type":"resync"}` and is disconnected (4008).',
        ].join(' '),
        querystring: query({
          access_token: z.string().max(200).optional().describe('the bearer token, for browsers that cannot set headers on an upgrade'),
        }),
        response: { 101: empty('Switching Protocols: the stream is open'), ...errors(400, 401, 404) },
      },
    },
    (socket: WebSocket, req) => {
      const principal = who(req);
      const Messages = clientMessage(access.kindNames);
      const exact = new Set<string>();
      const prefixes = new Set<string>();
      let lastSent = 0;
      let closed = false;
      const send = (msg: unknown) => {
        if (!closed && socket.readyState === socket.OPEN) socket.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
      };
      const visible = (e: ProgressEvent) => access.eventVisible(principal, e);
      // everything a socket does (live events, a subscription and its replay) happens in arrival order, one at a time
      let turn: Promise<void> = Promise.resolve();
      const inTurn = (task: () => Promise<void>) => {
        turn = turn.then(task).catch((e: unknown) => app.log.warn({ err: e }, 'stream: a delivery failed'));
      };
      const matches = (e: ProgressEvent) => exact.has(e.topic) || [...prefixes].some((p) => e.topic.startsWith(p));
      const overflow = () => {
        observer?.dropped();
        send({ type: 'resync', reason: 'the client reads too slowly', lastEventId: lastSent });
        closed = true;
        socket.close(4008, 'overflow: reconnect with lastEventId');
      };
      const deliver = async (e: ProgressEvent, wire?: string) => {
        if (closed || e.seq <= lastSent || !matches(e) || !(await visible(e))) return;
        if (closed) return;
        if (socket.bufferedAmount > maxBuffered) return overflow();
        send(wire ?? JSON.stringify(frame(e)));
        lastSent = e.seq;
      };
      const unsubscribe = events.subscribe((e) => inTurn(() => deliver(e, wireOf(e))));
      observer?.opened();
      const beat = setInterval(() => socket.ping(), heartbeatMs);
      beat.unref();
      socket.on('close', () => {
        observer?.closed();
        closed = true;
        clearInterval(beat);
        unsubscribe();
      });

      const onMessage = async (data: Buffer) => {
        let msg: ClientMessage;
        try {
          const parsed = Messages.safeParse(JSON.parse(data.toString('utf8')));
          if (!parsed.success)
            throw new FactoryError('VALIDATION_FAILED', 'Invalid message', { issues: formatIssues(parsed.error.issues) });
          msg = parsed.data;
        } catch (e) {
          return send({
            type: 'error',
            ...errorOf(e instanceof FactoryError ? e : new FactoryError('BODY_MALFORMED', 'Messages are JSON objects'), req.id),
          });
        }
        if (msg.type === 'ping') return send({ type: 'pong', lastEventId: lastSent });
        if (msg.type === 'unsubscribe') {
          for (const t of msg.topics) {
            const prefix = prefixOf(t);
            if (prefix === undefined) exact.delete(t);
            else prefixes.delete(prefix);
          }
          return send({ type: 'unsubscribed', topics: msg.topics });
        }
        const accepted: string[] = [];
        for (const t of msg.topics) {
          const prefix = prefixOf(t);
          if (prefix !== undefined) {
            prefixes.add(prefix);
            accepted.push(t);
            continue;
          }
          // the same rule and the same answer as REST: what may not be seen does not exist (404)
          const [kind, id] = splitTopic(t) as [string, string];
          try {
            await access.require(principal, kind, id, 'read');
          } catch (e) {
            send({ type: 'error', topic: t, ...errorOf(e, req.id) });
            continue;
          }
          exact.add(t);
          accepted.push(t);
        }
        // replay what the client missed (live events wait their turn behind it), then live
        let replayed = 0;
        if (msg.lastEventId !== undefined) {
          lastSent = Math.max(lastSent, msg.lastEventId);
          const match = { exact: [...exact], prefixes: [...prefixes] };
          for (;;) {
            const batch = await events.replay(lastSent, match, 1000);
            for (const e of batch) {
              await deliver(e);
              replayed++;
            }
            if (closed || batch.length < 1000) break;
          }
        }
        send({ type: 'subscribed', topics: accepted, replayed, lastEventId: lastSent });
      };
      inTurn(async () => send({ type: 'hello', role: principal.role, lastEventId: await events.lastSeq() }));
      socket.on('message', (data: Buffer) => inTurn(() => onMessage(data)));
    },
  );
};

/** An error as the stream sends it: the reply body's shape, with the upgrade request's id. */
function errorOf(e: unknown, requestId: string) {
  return errorBody(e instanceof FactoryError ? e : new FactoryError('INTERNAL'), { id: requestId });
}

function frame(e: ProgressEvent) {
  return {
    type: 'event',
    id: e.seq,
    topic: e.topic,
    event: {
      project: e.project,
      task: e.task,
      agent: e.agent,
      status: e.status,
      progress: e.progress,
      message: e.message,
      metadata: e.metadata,
      timestamp: e.timestamp,
    },
  };
}

/** One serialization per event, shared by every subscriber. */
const cache = new WeakMap<ProgressEvent, string>();
function wireOf(e: ProgressEvent): string {
  let w = cache.get(e);
  if (!w) {
    w = JSON.stringify(frame(e));
    cache.set(e, w);
  }
  return w;
}
