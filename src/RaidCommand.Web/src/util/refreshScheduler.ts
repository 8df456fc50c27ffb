/**
 * Coalesces board refreshes: a burst of events triggers one read now and at most one more when it returns,
 * always asking for the latest position seen so the read reflects every event that asked for it.
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
        console.warn("board refresh failed", error);
      }
    } while (this.again);
    this.inFlight = false;
  }
}
