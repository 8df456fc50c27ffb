import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { accessToken } from "../auth/session";
import type { FeedEvent } from "../api/types";
import { comparePositions } from "./position";

export type FeedStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface FeedHandlers {
  /** New events in feed order, each delivered once. */
  onEvents(events: FeedEvent[]): void;
  /** The history up to the subscription has been delivered. */
  onCaughtUp(position: string | null): void;
  onStatus(status: FeedStatus): void;
}

/**
 * One operation's events from the hub. Keeps the last position it has, drops anything at or before it (the hub may
 * resend around a reconnect), and after every reconnect subscribes again from that position, so nothing is missed.
 *
 * WebSockets only, without the negotiate request: the whole connection is then one request to one node, so several
 * server nodes behind a load balancer need no sticky sessions (docs/operations.md, "Several server nodes"). The cost
 * is SignalR's fallback to server-sent events or long polling where a proxy blocks WebSockets.
 */
export class OperationFeed {
  private readonly connection: HubConnection;
  private lastPosition: string | null = null;
  private stopped = false;

  constructor(
    private readonly operationId: string,
    private readonly handlers: FeedHandlers,
  ) {
    this.connection = new HubConnectionBuilder()
      .withUrl("/hubs/command", { accessTokenFactory: accessToken, transport: HttpTransportType.WebSockets, skipNegotiation: true })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(500 * 2 ** retry.previousRetryCount, 10_000) })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on("events", (events: FeedEvent[]) => this.receive(events));
    this.connection.on("caughtUp", (message: { operationId: string; position: string | null }) => {
      if (message.operationId === this.operationId) handlers.onCaughtUp(message.position);
    });
    this.connection.onreconnecting(() => handlers.onStatus("reconnecting"));
    this.connection.onreconnected(() => void this.subscribe());
    // Automatic reconnect gives up after a while; a command post must not, so start over until stopped.
    this.connection.onclose(() => {
      handlers.onStatus("offline");
      if (!this.stopped) window.setTimeout(() => void this.start(), 3_000);
    });
  }

  get position(): string | null {
    return this.lastPosition;
  }

  async start(): Promise<void> {
    this.handlers.onStatus("connecting");
    try {
      await this.connection.start();
      await this.subscribe();
    } catch {
      this.handlers.onStatus("offline");
      if (!this.stopped && this.connection.state === HubConnectionState.Disconnected) {
        window.setTimeout(() => void this.start(), 3_000);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.stop();
  }

  private async subscribe(): Promise<void> {
    await this.connection.invoke("Subscribe", this.operationId, this.lastPosition);
    this.handlers.onStatus("live");
  }

  private receive(events: FeedEvent[]): void {
    const fresh: FeedEvent[] = [];
    for (const event of events) {
      if (event.operationId !== this.operationId) continue;
      if (this.lastPosition !== null && comparePositions(event.position, this.lastPosition) <= 0) continue;
      this.lastPosition = event.position;
      fresh.push(event);
    }
    if (fresh.length > 0) this.handlers.onEvents(fresh);
  }
}
