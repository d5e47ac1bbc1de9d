/**
 * Splits Docker's multiplexed attach stream (8-byte headers: stream id, 0, 0, 0, big-endian length)
 * into stdout and stderr. Keeps at most `cap` bytes of each (reporting when a cap is exceeded), and
 * watches each for the runner's end marker (NUL AFEND:<nonce>:<code> NUL), which is removed from the
 * output; once both streams carried it, the output is complete.
 */
export class Demuxer {
  private pending: Buffer = Buffer.alloc(0);
  private readonly chunks: [Buffer[], Buffer[]] = [[], []];
  private readonly sizes = [0, 0];
  private readonly tails: [Buffer, Buffer] = [Buffer.alloc(0), Buffer.alloc(0)];
  readonly truncated = [false, false];
  readonly ended = [false, false];
  /** the exit code the runner reported in its end marker */
  exitCode: number | null = null;

  constructor(
    private readonly cap: number,
    private readonly onOverflow: () => void,
    private readonly marker: Buffer | null = null,
    private readonly onComplete: () => void = () => undefined,
  ) {}

  get complete(): boolean {
    return this.ended[0] === true && this.ended[1] === true;
  }

  push(data: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
    while (this.pending.length >= 8) {
      const kind = this.pending[0]!;
      const len = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + len) break;
      const payload = this.pending.subarray(8, 8 + len);
      this.pending = this.pending.subarray(8 + len);
      if (kind === 1 || kind === 2) this.receive(kind - 1, payload);
    }
  }

  private receive(i: number, payload: Buffer): void {
    if (this.ended[i]) return; // whatever a left-over child writes after the end marker is not the tool's output
    if (!this.marker) return this.keep(i, payload);
    const tail = this.tails[i]!;
    const window = tail.length ? Buffer.concat([tail, payload]) : payload;
    const at = window.indexOf(this.marker);
    if (at >= 0) {
      const close = window.indexOf(0, at + this.marker.length);
      if (close >= 0) {
        const code = Number(window.subarray(at + this.marker.length, close).toString('latin1'));
        const startInPayload = at - tail.length;
        if (startInPayload >= 0) this.keep(i, payload.subarray(0, startInPayload));
        else this.trim(i, -startInPayload);
        this.ended[i] = true;
        if (Number.isInteger(code)) this.exitCode = code;
        if (this.complete) this.onComplete();
        return;
      }
    }
    this.keep(i, payload);
    const keepBytes = this.marker.length + 8;
    this.tails[i] = window.length > keepBytes ? Buffer.from(window.subarray(window.length - keepBytes)) : Buffer.from(window);
  }

  private keep(i: number, payload: Buffer): void {
    if (payload.length === 0) return;
    const room = this.cap - this.sizes[i]!;
    if (payload.length > room) {
      if (room > 0) this.chunks[i]!.push(Buffer.from(payload.subarray(0, room)));
      this.sizes[i] = this.cap;
      if (!this.truncated[i]) {
        this.truncated[i] = true;
        this.onOverflow();
      }
      return;
    }
    this.chunks[i]!.push(Buffer.from(payload));
    this.sizes[i]! += payload.length;
  }

  /** Removes the last n bytes kept for stream i (the start of a marker split across chunks). */
  private trim(i: number, n: number): void {
    const list = this.chunks[i]!;
    while (n > 0 && list.length > 0) {
      const last = list[list.length - 1]!;
      if (last.length <= n) {
        list.pop();
        n -= last.length;
        this.sizes[i]! -= last.length;
      } else {
        list[list.length - 1] = last.subarray(0, last.length - n);
        this.sizes[i]! -= n;
        n = 0;
      }
    }
  }

  /** Untrusted bytes decoded as UTF-8 with replacement characters; never interpreted otherwise. */
  text(i: 0 | 1): string {
    return Buffer.concat(this.chunks[i]).toString('utf8');
  }
}
