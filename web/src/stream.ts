/**
 * The live connection: one WebSocket to /api/v1/stream per signed-in tab. Events are numbered; after a
 * dropped connection it reconnects (with back-off) and subscribes again with the last id it saw, so the
 * service replays exactly what was missed. An id it has already seen is never delivered twice.
 */
export const STREAM_PROTOCOL = 'agent-factory.v1';
const BEARER_PROTOCOL_PREFIX = 'agent-factory.bearer.';
const KEEP = 500;

export interface StreamEvent {
  id: number;
  topic: string;
  event: {
    project: string | null;
    task: string | null;
    agent: string | null;
    status: string;
    progress: number;
    message: string;
    metadata: Record<string, unknown>;
    timestamp: string;
  };
}

export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'stopped';
type Listener = (e: StreamEvent) => void;

export class LiveStream {
  state: LinkState = 'connecting';
  /** the id of the last event delivered; null until the service said where it stands */
  lastId: number | null = null;
  /** the latest events, newest last */
  readonly recent: StreamEvent[] = [];
  reconnects = 0;
  private ws: WebSocket | null = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly stateListeners = new Set<(s: LinkState) => void>();

  constructor(
    private readonly token: string,
    private readonly topics: string[] = ['*'],
  ) {}

  start(): void {
    if (this.state === 'stopped') return;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/stream`;
    const ws = new WebSocket(url, [STREAM_PROTOCOL, `${BEARER_PROTOCOL_PREFIX}${this.token}`]);
    this.ws = ws;
    ws.onmessage = (m) => this.receive(ws, JSON.parse(String(m.data)) as Record<string, unknown>);
    ws.onclose = () => {
      if (this.ws !== ws || this.state === 'stopped') return;
      this.ws = null;
      this.setState('reconnecting');
      const delay = Math.min(10_000, 250 * 2 ** Math.min(this.failures++, 6)) * (0.75 + Math.random() / 2);
      this.timer = setTimeout(() => {
        this.reconnects++;
        this.start();
      }, delay);
    };
  }

  stop(): void {
    this.setState('stopped');
    clearTimeout(this.timer);
    this.ws?.close(1000, 'signed out');
    this.ws = null;
  }

  /** Every event from now on; returns the unsubscribe function. */
  on(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  onState(l: (s: LinkState) => void): () => void {
    this.stateListeners.add(l);
    return () => this.stateListeners.delete(l);
  }

  private receive(ws: WebSocket, msg: Record<string, unknown>): void {
    if (msg.type === 'hello') {
      // the first time: from where the service stands now (the pages read the rest over REST); later: from the last seen
      if (this.lastId === null) this.lastId = Number(msg.lastEventId) || 0;
      ws.send(JSON.stringify({ type: 'subscribe', topics: this.topics, lastEventId: this.lastId }));
    } else if (msg.type === 'subscribed') {
      this.failures = 0;
      this.setState('live');
    } else if (msg.type === 'event') {
      const e = msg as unknown as StreamEvent;
      if (this.lastId !== null && e.id <= this.lastId) return; // seen already
      this.lastId = e.id;
      this.recent.push({ id: e.id, topic: e.topic, event: e.event });
      if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP);
      for (const l of this.listeners) l(e);
    }
    // 'resync' (too slow): the service closes the socket next, and the reconnect resumes from lastId
  }

  private setState(s: LinkState): void {
    if (this.state === s || this.state === 'stopped') return;
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }
}
