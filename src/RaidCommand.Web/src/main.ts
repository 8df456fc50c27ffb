import "./styles.css";
import { goToSignIn } from "./auth/navigation";
import { currentSession } from "./auth/session";
import { renderBoard } from "./board/boardPage";
import { renderField } from "./field/fieldPage";
import { renderSignIn } from "./signin/signInPage";

/** Three pages on one bundle: /sign-in, /field (phones) and the command board everywhere else. */
async function route(root: HTMLElement): Promise<void> {
  if (location.pathname === "/sign-in") {
    renderSignIn(root);
    return;
  }
  if (!currentSession()) {
    goToSignIn();
    return;
  }
  if (location.pathname === "/field" || location.pathname.startsWith("/field/")) {
    await renderField(root);
    return;
  }
  await renderBoard(root);
}

const root = document.getElementById("app")!;
route(root).catch((error: unknown) => {
  console.error(error);
  root.textContent = String(error);
});
