/**
 * Keeps track of updates being handled, so shutdown can wait for them before closing the
 * database. (Stopping the runner only stops fetching; handlers already started keep running, and
 * Telegram will not re-send updates it has seen confirmed.)
 */
export class InFlightTracker {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    const done = () => this.running.delete(p);
    p.then(done, done);
    return p;
  }

  /** Resolves when every tracked handler has settled, or after `timeoutMs`; returns how many are still running. */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return this.running.size;
  }
}
