import { formatTime } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h, replaceChildren } from "../ui/dom";
import type { OutboxEntry } from "./outbox/outboxStore";

/** What this phone has logged, newest first: pending, delivered, or rejected with the reason. */
export function renderOutbox(list: HTMLElement, entries: OutboxEntry[]): void {
  if (entries.length === 0) {
    replaceChildren(list, h("li", { class: "muted" }, t("outboxEmpty")));
    return;
  }
  replaceChildren(
    list,
    ...[...entries].reverse().map((entry) =>
      h(
        "li",
        { class: `outbox-entry ${entry.state}`, "data-testid": "outbox-entry", "data-state": entry.state, "data-command-id": entry.commandId },
        h("span", { class: "badge" }, t(entry.state)),
        h("span", {}, `${formatTime(entry.createdAt)} ${entry.label}`),
        entry.detail ? h("div", { class: "error" }, entry.detail) : null,
      ),
    ),
  );
}
