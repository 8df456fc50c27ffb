import type { TimelineEntry } from "../api/auditTypes";
import { getTimeline } from "../api/endpoints";
import { rememberPerson } from "../i18n/eventText";
import { t } from "../i18n/i18n";
import { h, replaceChildren } from "../ui/dom";
import { entryElementId, timelineRow, type RowContext } from "./timelineRow";

const pageSize = 100;
/** How close to the end of the list the next page starts loading, as the auditor scrolls. */
const prefetchMargin = "600px";

type ListState = "loading" | "more" | "end" | "failed";

/**
 * The operation's timeline in feed order, a page at a time (nextAfter → ?after=): loaded on demand by the "load more"
 * button or by scrolling near the end. A change of filters starts again from the first page; a page answered for
 * filters that have changed since is dropped.
 */
export class TimelineList {
  readonly element = h("section", { class: "panel timeline", "data-testid": "timeline" });
  private readonly list = h("ol", { class: "plain timeline-list", "data-testid": "timeline-entries" });
  private readonly footer = h("div", { class: "timeline-footer" });
  private readonly notice = h("p", { class: "notice", role: "status", "data-testid": "timeline-notice" });
  private readonly context: RowContext;
  private entries: TimelineEntry[] = [];
  private nextAfter: number | null = null;
  private state: ListState = "loading";
  private failure = "";
  private generation = 0;
  private loading: Promise<void> | null = null;
  private highlighted: HTMLElement | null = null;

  constructor(
    private readonly operationId: string,
    private readonly filters: () => URLSearchParams,
    context: Omit<RowContext, "jumpTo" | "expanded">,
    private readonly header: () => Node,
  ) {
    this.context = { ...context, expanded: new Set(), jumpTo: (eventId) => void this.jumpTo(eventId) };
    new IntersectionObserver((seen) => {
      if (seen.some((entry) => entry.isIntersecting) && this.state === "more") void this.loadMore();
    }, { rootMargin: prefetchMargin }).observe(this.footer);
  }

  /** From the first page again, with the filters as they are now. */
  reset(): Promise<void> {
    this.generation++;
    this.entries = [];
    this.nextAfter = null;
    this.loading = null;
    this.state = "more";
    this.notice.textContent = "";
    this.list.replaceChildren();
    return this.loadMore();
  }

  loadMore(): Promise<void> {
    if (this.loading) return this.loading;
    if (this.state === "end") return Promise.resolve();
    const loading = this.fetchPage().finally(() => {
      if (this.loading === loading) this.loading = null;
    });
    this.loading = loading;
    return loading;
  }

  /** Shows the entry with that event id, loading further pages until it comes; says so if the filters hide it. */
  async jumpTo(eventId: string): Promise<void> {
    this.notice.textContent = "";
    let row = this.rowOf(eventId);
    while (!row && (this.state === "more" || this.state === "loading")) {
      await this.loadMore();
      row = this.rowOf(eventId);
    }
    if (!row) {
      this.notice.textContent = t("linkedEntryHidden");
      return;
    }
    this.highlighted?.classList.remove("highlight");
    row.classList.add("highlight");
    this.highlighted = row;
    row.scrollIntoView({ block: "center" });
    row.focus({ preventScroll: true });
  }

  /** Re-renders every loaded entry, e.g. in another language. */
  render(): void {
    replaceChildren(this.element, this.header(), this.notice, this.list, this.footer);
    this.list.replaceChildren(...this.entries.map((entry) => timelineRow(entry, this.context)));
    if (this.highlighted) this.highlighted = this.rowOf(this.highlighted.dataset["eventId"] ?? "");
    this.highlighted?.classList.add("highlight");
    this.renderFooter();
  }

  private rowOf(eventId: string): HTMLElement | null {
    return this.list.querySelector<HTMLElement>(`#${CSS.escape(entryElementId(eventId))}`);
  }

  private async fetchPage(): Promise<void> {
    const generation = this.generation;
    const query = this.filters();
    query.set("limit", String(pageSize));
    if (this.nextAfter !== null) query.set("after", String(this.nextAfter));
    this.state = "loading";
    this.renderFooter();
    try {
      const page = await getTimeline(this.operationId, query);
      if (generation !== this.generation) return;
      for (const entry of page.entries) rememberPerson(this.context.names, entry);
      this.entries.push(...page.entries);
      this.list.append(...page.entries.map((entry) => timelineRow(entry, this.context)));
      this.nextAfter = page.nextAfter;
      this.state = page.nextAfter === null ? "end" : "more";
    } catch (error) {
      if (generation !== this.generation) return;
      this.failure = error instanceof Error ? error.message : String(error);
      this.state = "failed";
    }
    this.renderFooter();
  }

  private renderFooter(): void {
    this.element.dataset["state"] = this.state;
    const loadMore = h("button", { type: "button", class: "link", "data-testid": "load-more" }, t("loadMore"));
    loadMore.addEventListener("click", () => {
      if (this.state === "failed") this.state = "more";
      void this.loadMore();
    });
    const text = {
      loading: () => h("span", { class: "muted" }, t("loading")),
      more: () => loadMore,
      failed: () => h("span", {}, h("span", { class: "error" }, t("loadFailed", { detail: this.failure })), " ", loadMore),
      end: () => h("span", { class: "muted", "data-testid": "timeline-end" }, this.entries.length === 0 ? t("noEntries") : t("endOfTimeline", { count: this.entries.length })),
    }[this.state];
    replaceChildren(this.footer, text());
  }
}
