/** Shapes of the API's answers (see docs/api.md and src/RaidCommand.Server/Board/OperationBoard.cs). */
export type SiteStatus = "Planned" | "Breached" | "Secured" | "Dismantled";

export interface Totals {
  arrests: number;
  criminalDetentions: number;
  seizuresByCategory: Record<string, number>;
  frozenByCurrency: Record<string, number>;
  stopPaymentsByCurrency: Record<string, number>;
}

export interface BoardCity {
  code: string;
  name: string;
  localCommander: string;
  timeZoneId: string;
  hHour: string | null;
  localHHour: string | null;
  hHourOverridden: boolean;
  launchedAt: string | null;
  totals: Totals;
}

export interface BoardSite {
  siteId: string;
  cityCode: string;
  address: string;
  expectedHeadcount: number;
  status: SiteStatus;
  teams: { teamId: string; name: string }[];
  breachedAt: string | null;
  securedAt: string | null;
  dismantledAt: string | null;
  totals: Totals;
}

export interface BoardTeam {
  teamId: string;
  name: string;
  leader: string;
  headcount: number;
  cityCode: string;
  siteId: string | null;
}

export interface HeadcountAlert {
  stage: string;
  expected: number;
  actual: number;
  occurredAt: string;
}

export interface BoardTransfer {
  transferId: string;
  originCity: string;
  destinationCity: string;
  mode: string;
  vehicleOrFlight: string;
  status: "Planned" | "Boarded" | "Departed" | "Arrived" | "HandedOver";
  manifestSize: number;
  boarded: number | null;
  departed: number | null;
  arrived: number | null;
  handedOver: number | null;
  alerts: HeadcountAlert[];
}

export interface Board {
  operationId: string;
  codeName: string;
  title: string;
  status: string;
  homeCity: { code: string; name: string; timeZoneId: string };
  commander: string;
  hHour: string | null;
  cities: BoardCity[];
  sites: BoardSite[];
  teams: BoardTeam[];
  transfers: BoardTransfer[];
  totals: Totals;
  operationVersion: number;
}

export interface OperationSummary {
  operationId: string;
  codeName: string;
  title: string;
  status: string;
}

export interface Membership {
  operationId: string;
  capacity: string;
  teamId: string | null;
}

export interface Me {
  id: string;
  userName: string;
  displayName: string;
  roles: string[];
  memberships: Membership[];
}

/** One event as the hub pushes it. */
export interface FeedEvent {
  position: string;
  operationId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  occurredAt: string | null;
  recordedAt: string;
  actorId: string | null;
  actorRole: string | null;
  deviceId: string | null;
  data: Record<string, unknown>;
}

export interface CommandReply {
  commandId: string;
  replayed: boolean;
  /** Null when the command changed nothing. */
  position: string | null;
}
