import { accessToken, clearSession } from "../auth/session";
import { goToSignIn } from "../auth/navigation";
import { ProblemError, readProblem } from "./problem";

/** Every request carries the bearer token; a 401 means the session is gone, so back to sign-in. */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = accessToken();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  headers.set("Accept", "application/json");
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) {
    clearSession();
    goToSignIn();
  }
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await send(path);
  if (!response.ok) throw new ProblemError(await readProblem(response));
  return (await response.json()) as T;
}

export async function postJson<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  const response = await send(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new ProblemError(await readProblem(response));
  return (await response.json()) as T;
}
