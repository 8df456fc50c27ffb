import "./styles.css";
import { goToSignIn } from "./auth/navigation";
import { currentSession } from "./auth/session";
import { renderAudit } from "./audit/auditPage";
import { renderBoard } from "./board/boardPage";
import { renderField } from "./field/fieldPage";
import { renderSignIn } from "./signin/signInPage";

/** A page's path or one of its sub-paths. */
function isPage(path: string): boolean {
  return location.pathname === path || location.pathname.startsWith(`${path}/`);
}

/** Four pages on one bundle: /sign-in, /field (phones), /audit (replay for auditors) and the command board everywhere else. */
async function route(root: HTMLElement): Promise<void> {
  if (location.pathname === "/sign-in") {
    renderSignIn(root);
    return;
  }
  if (!currentSession()) {
    goToSignIn();
    return;
  }
  if (isPage("/field")) {
    await renderField(root);
    return;
  }
  if (isPage("/audit")) {
    await renderAudit(root);
    return;
  }
  await renderBoard(root);
}

const root = document.getElementById("app")!;
route(root).catch((error: unknown) => {
  console.error(error);
  root.textContent = String(error);
});
