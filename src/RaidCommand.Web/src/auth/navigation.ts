/** Where the app sends people who must sign in, remembering where they were. */
export function goToSignIn(): void {
  if (location.pathname === "/sign-in") return;
  const back = encodeURIComponent(location.pathname + location.search);
  location.assign(`/sign-in?return=${back}`);
}

export function returnPath(): string {
  const requested = new URLSearchParams(location.search).get("return");
  // Only same-site paths: never bounce a signed-in user to another origin.
  return requested && requested.startsWith("/") && !requested.startsWith("//") ? requested : "/";
}
