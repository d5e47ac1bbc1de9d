/**
 * Splits Docker's multiplexed attach stream (8-byte headers: stream id, 0, 0, 0, big-endian length)
 * into stdout and stderr, keeping at most `cap` bytes of each and reporting when a cap is exceeded.
 */
export class Demuxer {
  private pending: Buffer = Buffer.alloc(0);
  private readonly chunks: [Buffer[], Buffer[]] = [[], []];
  private readonly sizes = [0, 0];
  readonly truncated = [false, false];

  constructor(
    private readonly cap: number,
    private readonly onOverflow: () => void,
  ) {}

  push(data: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
    while (this.pending.length >= 8) {
      const kind = this.pending[0]!;
      const len = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + len) break;
      const payload = this.pending.subarray(8, 8 + len);
      this.pending = this.pending.subarray(8 + len);
      if (kind === 1 || kind === 2) this.take(kind - 1, payload);
    }
  }

  private take(i: number, payload: Buffer): void {
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

  /** Untrusted bytes decoded as UTF-8 with replacement characters; never interpreted otherwise. */
  text(i: 0 | 1): string {
    return Buffer.concat(this.chunks[i]).toString('utf8');
  }
}
