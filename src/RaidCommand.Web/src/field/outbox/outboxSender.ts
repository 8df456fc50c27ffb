import { send } from "../../api/http";
import { readProblem } from "../../api/problem";
import type { CommandReply } from "../../api/types";
import { laterOf } from "../../live/position";
import { nextPending, update, type OutboxEntry } from "./outboxStore";

type Outcome = "delivered" | "rejected" | "retry" | "signed-out";

/**
 * Drains the outbox in order. Network errors, 5xx and 429 are retried with growing back-off (the same command id,
 * so a resend after a lost answer is a replay, never a duplicate); any other 4xx is a refusal: shown with the
 * problem's detail and taken out of the queue; a 2xx (including a replay) is delivered.
 */
export class OutboxSender {
  private running = false;
  private lastPosition: string | null = null;
  private wake: (() => void) | null = null;

  /** @param onChange called after every attempt; with the feed position of a delivered command, for read-your-writes. */
  constructor(private readonly onChange: (deliveredAt: string | null) => void) {
    window.addEventListener("online", () => this.kick());
  }

  /** Called after every new entry and when the network comes back. */
  kick(): void {
    if (this.wake) {
      this.wake();
      return;
    }
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    let failures = 0;
    try {
      for (let entry = await nextPending(); entry; entry = await nextPending()) {
        const outcome = await this.deliver(entry);
        this.onChange(this.lastPosition);
        if (outcome === "signed-out") return;
        if (outcome === "retry") {
          failures++;
          await this.pause(Math.min(1000 * 2 ** (failures - 1), 30_000));
        } else {
          failures = 0;
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async deliver(entry: OutboxEntry): Promise<Outcome> {
    entry.attempts++;
    let response: Response;
    try {
      response = await send(entry.path, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": entry.commandId },
        body: JSON.stringify(entry.body),
      });
    } catch {
      await update(entry);
      return "retry";
    }
    if (response.ok) {
      const reply = (await response.json()) as CommandReply;
      this.lastPosition = laterOf(this.lastPosition, reply.position);
      await update({ ...entry, state: "delivered", replayed: reply.replayed });
      return "delivered";
    }
    if (response.status === 401) {
      await update(entry);
      return "signed-out";
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      await update(entry);
      return "retry";
    }
    const problem = await readProblem(response);
    await update({ ...entry, state: "rejected", detail: problem.detail ?? problem.title ?? `HTTP ${problem.status}` });
    return "rejected";
  }

  /** Waits for the back-off, or less when the network comes back or a new entry arrives. */
  private pause(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        window.clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = window.setTimeout(done, milliseconds);
      this.wake = done;
    });
  }
}
