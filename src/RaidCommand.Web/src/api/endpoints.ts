import { deviceId, type Session } from "../auth/session";
import type { AuditClock, BoardAsOf, CustodyAsOf, CustodyRegisterLine, IntegritySummary, TimelinePage, TimelineSpan } from "./auditTypes";
import { getJson } from "./http";
import { ProblemError, readProblem } from "./problem";
import type { Board, Me, OperationSummary } from "./types";

export async function signIn(userName: string, password: string): Promise<Session> {
  const response = await fetch("/api/auth/sign-in", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ userName, password, deviceId: deviceId() }),
  });
  if (!response.ok) throw new ProblemError(await readProblem(response));
  return (await response.json()) as Session;
}

export const getMe = (): Promise<Me> => getJson<Me>("/api/me");

export const listOperations = (): Promise<OperationSummary[]> => getJson<OperationSummary[]>("/api/operations");

/** With a feed position, the server waits until the board reflects it (read-your-writes). */
export const getBoard = (operationId: string, after?: string | null): Promise<Board> =>
  getJson<Board>(`/api/operations/${operationId}/board${after ? `?after=${encodeURIComponent(after)}` : ""}`);

const operationPath = (operationId: string): string => `/api/operations/${encodeURIComponent(operationId)}`;

/** One page of the timeline; the query holds the filters and ?after= for the pages after the first. */
export const getTimeline = (operationId: string, query: URLSearchParams): Promise<TimelinePage> =>
  getJson<TimelinePage>(`${operationPath(operationId)}/timeline?${query.toString()}`);

export const getCustodyRegister = (operationId: string): Promise<CustodyRegisterLine[]> =>
  getJson<CustodyRegisterLine[]>(`${operationPath(operationId)}/custody`);

export const getTimelineSpan = (operationId: string): Promise<TimelineSpan> => getJson<TimelineSpan>(`${operationPath(operationId)}/timeline/span`);

function asOfQuery(at: number, clock: AuditClock): string {
  return new URLSearchParams({ at: new Date(at).toISOString(), clock }).toString();
}

export const getBoardAsOf = (operationId: string, at: number, clock: AuditClock): Promise<BoardAsOf> =>
  getJson<BoardAsOf>(`${operationPath(operationId)}/board/as-of?${asOfQuery(at, clock)}`);

export const getCustodyAsOf = (operationId: string, at: number, clock: AuditClock): Promise<CustodyAsOf> =>
  getJson<CustodyAsOf>(`${operationPath(operationId)}/custody/as-of?${asOfQuery(at, clock)}`);

export const verifyIntegrity = (): Promise<IntegritySummary> => getJson<IntegritySummary>("/api/audit/integrity");

/** The exports and the printable report, with the timeline's filters. */
export const exportPath = (operationId: string, kind: "export.json" | "export.csv" | "report", filters: URLSearchParams): string => {
  const query = filters.toString();
  return `${operationPath(operationId)}/${kind}${query ? `?${query}` : ""}`;
};
