/** The signed-in user's token and identity. Kept in sessionStorage: closing the tab signs out. */
export interface SessionUser {
  id: string;
  userName: string;
  displayName: string;
  roles: string[];
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
}

const sessionKey = "raidcommand.session";
const deviceKey = "raidcommand.device";

export function currentSession(): Session | null {
  const stored = sessionStorage.getItem(sessionKey);
  if (!stored) return null;
  const session = JSON.parse(stored) as Session;
  return Date.parse(session.expiresAt) > Date.now() ? session : null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(sessionKey, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(sessionKey);
}

export function accessToken(): string {
  return currentSession()?.accessToken ?? "";
}

/** A stable id for this browser, stamped by the server on every event written with its token. */
export function deviceId(): string {
  let id = localStorage.getItem(deviceKey);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(deviceKey, id);
  }
  return id;
}
