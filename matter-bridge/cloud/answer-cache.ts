/**
 * Answers by request id, kept until the request's `exp` and the clocks' allowance (LINK_CLOCK_SKEW_MS):
 * QoS 1 may deliver a request twice, and the second delivery gets the first one's answer (waiting for
 * it if it is still being worked out), never a second action. Past that a delivery is refused as
 * expired, so nothing older is needed.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { until: number; answer: Promise<T> }>();

  /** The answer to `id`, if it was asked before and has not expired at `now`. */
  get(id: string, now: number): Promise<T> | undefined {
    for (const [key, entry] of this.entries) if (entry.until < now) this.entries.delete(key);
    return this.entries.get(id)?.answer;
  }

  remember(id: string, until: number, answer: Promise<T>): void {
    this.entries.set(id, { until, answer });
  }
}
