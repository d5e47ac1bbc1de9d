/** Runs at most `max` tasks at once; the rest wait in arrival order. */
export class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly max: number) {
    if (!(max >= 1)) throw new RangeError(`a limiter needs max >= 1, got ${max}`);
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      // hand the slot straight to the next task, so a newcomer cannot overtake it
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
