import { deviceId, type Session } from "../auth/session";
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
