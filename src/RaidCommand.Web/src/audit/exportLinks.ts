import { exportPath } from "../api/endpoints";
import { getBlob } from "../api/http";
import { t } from "../i18n/i18n";
import { h, replaceChildren } from "../ui/dom";

/** Long enough for the browser to have taken the file or opened the tab; then the memory is given back. */
const blobLifetimeMilliseconds = 60_000;

function release(url: string): void {
  window.setTimeout(() => URL.revokeObjectURL(url), blobLifetimeMilliseconds);
}

/**
 * The court-file exports (JSON, CSV) and the printable report, for what the timeline's filters select. They need the
 * bearer token, so the page fetches them itself and hands the browser the file: the token never goes into a URL.
 */
export class ExportLinks {
  readonly element = h("section", { class: "panel exports", "data-testid": "exports" });
  private failure = "";

  constructor(
    private readonly operationId: string,
    private readonly filters: () => URLSearchParams,
  ) {}

  render(): void {
    const json = this.button(t("exportJson"), "export-json", () => this.download("export.json", `timeline-${this.operationId}.json`));
    const csv = this.button(t("exportCsv"), "export-csv", () => this.download("export.csv", `timeline-${this.operationId}.csv`));
    const report = this.button(t("printableReport"), "open-report", () => this.openReport());
    replaceChildren(
      this.element,
      h("h2", {}, t("exports")),
      h("div", { class: "export-buttons" }, json, csv, report),
      h("p", { class: "muted" }, t("exportsFollowFilters")),
      this.failure ? h("p", { class: "error", role: "alert" }, t("exportFailed", { detail: this.failure })) : null,
    );
  }

  private button(label: string, testId: string, action: () => Promise<void>): HTMLButtonElement {
    const button = h("button", { type: "button", class: "link", "data-testid": testId }, label);
    button.addEventListener("click", () => {
      this.failure = "";
      action().catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        this.render();
      });
    });
    return button;
  }

  private async download(kind: "export.json" | "export.csv", fileName: string): Promise<void> {
    const url = URL.createObjectURL(await getBlob(exportPath(this.operationId, kind, this.filters())));
    const link = h("a", { href: url, download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    release(url);
  }

  /** The tab is opened during the click (a popup blocker allows that) and shown the report once it has arrived. */
  private async openReport(): Promise<void> {
    const tab = window.open("", "_blank");
    try {
      const url = URL.createObjectURL(await getBlob(exportPath(this.operationId, "report", this.filters())));
      if (tab) {
        tab.location.href = url;
      } else {
        window.open(url, "_blank");
      }
      release(url);
    } catch (error) {
      tab?.close();
      throw error;
    }
  }
}
