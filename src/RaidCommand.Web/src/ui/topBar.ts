import { clearSession, currentSession } from "../auth/session";
import { t, toggleLanguage } from "../i18n/i18n";
import { h } from "./dom";

/** The app's header: title, where to go, the language switch and signing out. */
export function topBar(title: string, extra: Node | null = null): HTMLElement {
  const session = currentSession();
  const languageButton = h("button", { type: "button", class: "link", "data-testid": "language-switch" }, t("language"));
  languageButton.addEventListener("click", toggleLanguage);
  const signOut = session ? h("button", { type: "button", class: "link", "data-testid": "sign-out" }, t("signOut")) : null;
  signOut?.addEventListener("click", () => {
    clearSession();
    location.assign("/sign-in");
  });
  return h(
    "header",
    { class: "top-bar" },
    h("strong", { class: "brand" }, t("appName")),
    h("span", { class: "title" }, title),
    extra,
    h("span", { class: "spacer" }),
    session ? h("span", { class: "user" }, session.user.displayName) : null,
    languageButton,
    signOut,
  );
}

/** A link to another page of the app, for the top bar. */
export function navLink(label: string, href: string, testId: string): HTMLAnchorElement {
  return h("a", { class: "link", href, "data-testid": testId }, label);
}
