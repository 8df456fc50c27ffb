import { signIn } from "../api/endpoints";
import { ProblemError } from "../api/problem";
import { returnPath } from "../auth/navigation";
import { saveSession } from "../auth/session";
import { t } from "../i18n/i18n";
import { h, replaceChildren } from "../ui/dom";
import { topBar } from "../ui/topBar";

/** Shared by the board and the field app; on success goes back where the user came from. */
export function renderSignIn(root: HTMLElement): void {
  const userName = h("input", { name: "userName", autocomplete: "username", required: true, "data-testid": "user-name" });
  const password = h("input", { name: "password", type: "password", autocomplete: "current-password", required: true, "data-testid": "password" });
  const error = h("p", { class: "error", role: "alert", "data-testid": "sign-in-error" });
  const form = h(
    "form",
    { class: "card sign-in" },
    h("h1", {}, t("signIn")),
    h("label", {}, t("userName"), userName),
    h("label", {}, t("password"), password),
    h("button", { type: "submit", class: "primary", "data-testid": "sign-in" }, t("signIn")),
    error,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.textContent = "";
    signIn(userName.value.trim(), password.value)
      .then((session) => {
        saveSession(session);
        location.assign(returnPath());
      })
      .catch((failure: unknown) => {
        const detail = failure instanceof ProblemError ? failure.message : String(failure);
        error.textContent = t("signInFailed", { detail });
      });
  });
  replaceChildren(root, topBar(t("signIn")), h("main", { class: "narrow" }, form));
}
