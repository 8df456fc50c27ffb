/** Shapes of the auditor replay's answers (see docs/api.md, "Auditor replay", and src/RaidCommand.Server/Audit). */
import type { Board } from "./types";

/** recorded: what the command knew at the instant; occurred: what had happened by then. */
export type AuditClock = "recorded" | "occurred";

export interface TimelineEntry {
  position: string;
  globalPosition: number;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  /** The record's own wording (English), as in the printed report. */
  description: string;
  /** When the event says it happened: the record, and what the timeline shows. */
  occurredAt: string;
  /** When it counts from on the occurred clock of the as-of views (never before its site, person or transfer entered the record). */
  effectiveOccurredAt: string;
  recordedAt: string;
  late: boolean;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  deviceId: string | null;
  commandId: string | null;
  correlationId: string | null;
  corrects: string | null;
  correctedBy: string | null;
  data: Record<string, unknown>;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Pass back as ?after= for the next page; null on the last page. */
  nextAfter: number | null;
}

export interface TimelineSpan {
  events: number;
  firstOccurredAt: string | null;
  lastOccurredAt: string | null;
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
}

export interface AsOf<TView> {
  at: string;
  clock: AuditClock;
  eventsApplied: number;
  view: TView | null;
}

export type CustodyStatus =
  | "AwaitingQuestioning"
  | "AwaitingDecision"
  | "CriminallyDetained"
  | "BailedPendingTrial"
  | "Released"
  | "HandedOverToJurisdiction"
  | "InTransfer";

export interface CustodyRegisterLine {
  personId: string;
  name: string | null;
  localTag: string | null;
  siteId: string;
  arrestCity: string;
  arrestedAt: string;
  status: CustodyStatus;
  decision: string;
  location: { cityCode: string; facility: string | null };
  activeTransferId: string | null;
}

export type BoardAsOf = AsOf<Board>;

export type CustodyAsOf = AsOf<CustodyRegisterLine[]>;

export interface BrokenLink {
  streamId: string;
  streamVersion: number | null;
  globalPosition: number | null;
  reason: string;
}

export interface IntegritySummary {
  intact: boolean;
  scope: string;
  streamsChecked: number;
  eventsChecked: number;
  firstBrokenLink: BrokenLink | null;
  headsDigest: string | null;
  verifiedAt: string;
  signedText: string | null;
  signature: string | null;
  keyId: string;
}
