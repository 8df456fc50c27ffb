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

/** The response if it succeeded; otherwise the problem it carries, thrown. */
async function succeeded(response: Response): Promise<Response> {
  if (!response.ok) throw new ProblemError(await readProblem(response));
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await succeeded(await send(path))).json()) as T;
}

/** A file answer (an export, the printable report): fetched with the bearer token, never by putting it in a URL. */
export async function getBlob(path: string): Promise<Blob> {
  return await (await succeeded(await send(path))).blob();
}

export async function postJson<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  const response = await send(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify(body),
  });
  return (await (await succeeded(response)).json()) as T;
}
