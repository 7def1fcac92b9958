/**
 * Clean-ups registered by each step of a start-up as it succeeds, run once (on a failed start or on
 * close): first the urgent ones, together, then the others in reverse order of registration. A
 * clean-up that fails is logged and the rest still run.
 */
export class Teardown {
  private readonly urgent: Array<() => unknown> = [];
  private readonly steps: Array<() => unknown> = [];
  private running: Promise<void> | undefined;

  constructor(private readonly log: (m: string) => void) {}

  /** Undone in reverse order, after the urgent ones. */
  add(undo: () => unknown): void {
    this.steps.push(undo);
  }

  /** Undone at once, alongside the other urgent ones, before anything else. */
  addUrgent(undo: () => unknown): void {
    this.urgent.push(undo);
  }

  /** Runs every clean-up, once (a second call waits for the first). */
  run(): Promise<void> {
    this.running ??= (async () => {
      await Promise.all(this.urgent.map((undo) => this.attempt(undo)));
      for (const undo of [...this.steps].reverse()) await this.attempt(undo);
    })();
    return this.running;
  }

  private async attempt(undo: () => unknown): Promise<void> {
    try {
      await undo();
    } catch (err) {
      this.log(`close failed: ${(err as Error).message}`);
    }
  }
}
