import type { IntegritySummary } from "../api/auditTypes";
import { verifyIntegrity } from "../api/endpoints";
import { formatInZone } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h, replaceChildren } from "../ui/dom";

type Verification = { kind: "idle" } | { kind: "verifying" } | { kind: "done"; summary: IntegritySummary } | { kind: "failed"; detail: string };

function facts(summary: IntegritySummary): HTMLElement {
  const rows: [string, string, string][] = [
    [t("verifiedAt"), formatInZone(summary.verifiedAt, null), "integrity-verified-at"],
    [t("headsDigest"), summary.headsDigest ?? "–", "integrity-digest"],
    [t("keyId"), summary.keyId, "integrity-key-id"],
    [t("signature"), summary.signature ?? "–", "integrity-signature"],
  ];
  return h("dl", { class: "integrity-facts" }, ...rows.flatMap(([label, value, testId]) => [h("dt", {}, label), h("dd", { class: "mono", "data-testid": testId }, value)]));
}

function result(summary: IntegritySummary): HTMLElement {
  const broken = summary.firstBrokenLink;
  return h(
    "div",
    { class: "integrity-result" },
    h(
      "p",
      {},
      h("span", { class: `badge ${summary.intact ? "ok" : "alert"}`, "data-testid": "integrity-result", "data-intact": String(summary.intact) }, summary.intact ? t("intact") : t("broken")),
      " ",
      h("span", { "data-testid": "integrity-counts" }, t("integrityCounts", { events: summary.eventsChecked, streams: summary.streamsChecked })),
    ),
    broken
      ? h(
          "p",
          { class: "alert", role: "alert", "data-testid": "integrity-broken-link" },
          t("firstBrokenLink", { stream: broken.streamId, version: broken.streamVersion ?? "–", reason: broken.reason }),
        )
      : null,
    facts(summary),
  );
}

/** The signed store-wide check: recomputes every hash chain on the server and shows whether the record is intact. */
export class IntegrityPanel {
  readonly element = h("section", { class: "panel integrity", "data-testid": "integrity" });
  private verification: Verification = { kind: "idle" };

  render(): void {
    const button = h("button", { type: "button", class: "link", "data-testid": "verify-integrity", disabled: this.verification.kind === "verifying" }, t("verifyIntegrity"));
    button.addEventListener("click", () => void this.verify());
    const outcome = {
      idle: () => null,
      verifying: () => h("p", { class: "muted" }, t("verifying")),
      done: () => (this.verification.kind === "done" ? result(this.verification.summary) : null),
      failed: () => (this.verification.kind === "failed" ? h("p", { class: "error" }, t("loadFailed", { detail: this.verification.detail })) : null),
    }[this.verification.kind]();
    replaceChildren(this.element, h("h2", {}, t("integrity")), button, outcome);
  }

  private async verify(): Promise<void> {
    this.verification = { kind: "verifying" };
    this.render();
    try {
      this.verification = { kind: "done", summary: await verifyIntegrity() };
    } catch (error) {
      this.verification = { kind: "failed", detail: error instanceof Error ? error.message : String(error) };
    }
    this.render();
  }
}
