import type { FeedEvent } from "../api/types";
import { describeEvent, rememberPerson, type Names } from "../i18n/eventText";
import { formatTime } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h, replaceChildren } from "../ui/dom";

const shown = 150;

/** The live activity feed: newest first, each event once, re-worded when the language changes. */
export class ActivityFeed {
  readonly element = h("ol", { class: "feed plain", "data-testid": "activity-feed" });
  private readonly events: FeedEvent[] = [];

  constructor(private readonly names: Names) {}

  add(events: FeedEvent[]): void {
    for (const event of events) {
      rememberPerson(this.names, event);
      this.events.push(event);
    }
    this.render();
  }

  render(): void {
    const latest = this.events.slice(-shown).reverse();
    if (latest.length === 0) {
      replaceChildren(this.element, h("li", { class: "muted" }, t("noActivity")));
      return;
    }
    replaceChildren(
      this.element,
      ...latest.map((event) =>
        h(
          "li",
          { class: `feed-item type-${event.type}` },
          h("time", { datetime: event.occurredAt ?? event.recordedAt }, formatTime(event.occurredAt ?? event.recordedAt)),
          h("span", {}, describeEvent(event, this.names)),
        ),
      ),
    );
  }
}
