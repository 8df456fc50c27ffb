/**
 * Coalesces reads: a burst of requests (events for the live board, slider moves for a replay) triggers one read now
 * and at most one more when it returns, and the read always asks for the latest state, so it answers every request.
 */
export class RefreshScheduler {
  private inFlight = false;
  private again = false;

  constructor(private readonly refresh: () => Promise<void>) {}

  request(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    void this.run();
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.refresh();
      } catch (error) {
        console.warn("read failed", error);
      }
    } while (this.again);
    this.inFlight = false;
  }
}
