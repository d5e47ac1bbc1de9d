// Child process for the fan-out benchmark: opens N WebSocket subscribers to one run's topic and reports
// how many events each received and the delivery latency of each (publish time is in the metadata).
import WebSocket from 'ws';

const [url, token, topic, nStr, expectStr] = process.argv.slice(2) as [string, string, string, string, string];
const n = Number(nStr);
const expected = Number(expectStr);
const now = () => performance.timeOrigin + performance.now();
const latencies: number[] = [];
let delivered = 0;
let done = 0;
let firstAt = 0;
let lastAt = 0;
const sockets: WebSocket[] = [];
let ready = 0;
for (let i = 0; i < n; i++) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` } });
  let got = 0;
  ws.on('message', (d: Buffer) => {
    const m = JSON.parse(d.toString()) as { type: string; event?: { metadata: { sentAt: number } } };
    if (m.type === 'subscribed') {
      if (++ready === n) process.stdout.write('ready\n');
      return;
    }
    if (m.type !== 'event') return;
    const t = now();
    if (!firstAt) firstAt = t;
    lastAt = t;
    latencies.push(t - m.event!.metadata.sentAt);
    delivered++;
    if (++got === expected && ++done === n) {
      latencies.sort((a, b) => a - b);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
      process.stdout.write(
        `${JSON.stringify({ delivered, seconds: (lastAt - firstAt) / 1000, p50: pct(50), p99: pct(99), max: latencies.at(-1) })}\n`,
      );
      for (const s of sockets) s.close();
      setTimeout(() => process.exit(0), 200);
    }
  });
  ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] })));
  ws.on('error', (e) => {
    process.stderr.write(`ws error: ${(e as Error).message}\n`);
    process.exit(1);
  });
  sockets.push(ws);
}
