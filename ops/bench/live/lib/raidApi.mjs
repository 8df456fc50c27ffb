// The RaidCommand public HTTP API as the benchmark uses it: bearer tokens from real sign-ins, every command with a
// fresh Idempotency-Key (as src/RaidCommand.Server/Demo/RaidApiClient.cs does).
import { randomUUID } from "node:crypto";

export class RaidApi {
  constructor(baseUrl, token = null) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  async signIn(userName, password, deviceId) {
    const body = await this.#json("POST", "/api/auth/sign-in", { userName, password, deviceId });
    return new RaidApi(this.baseUrl, body.accessToken);
  }

  /** Posts a command that must succeed and answers its outcome ({ commandId, position, ... }). */
  command(path, body) {
    return this.#json("POST", path, body, { "Idempotency-Key": randomUUID() });
  }

  /** Posts a command and answers the raw response, for callers that time it. */
  post(path, body) {
    return fetch(this.baseUrl + path, {
      method: "POST",
      headers: { "content-type": "application/json", "Idempotency-Key": randomUUID(), ...this.#authorization() },
      body: JSON.stringify(body),
    });
  }

  async #json(method, path, body, headers = {}) {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { "content-type": "application/json", ...headers, ...this.#authorization() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  #authorization() {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }
}
