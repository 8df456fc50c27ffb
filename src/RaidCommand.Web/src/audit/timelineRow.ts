import type { TimelineEntry } from "../api/auditTypes";
import { describeEvent, type Names } from "../i18n/eventText";
import { formatDuration, formatInZone } from "../i18n/format";
import { labelOf, t } from "../i18n/i18n";
import { h } from "../ui/dom";
import type { OperationPlaces } from "./operationPlaces";

export interface RowContext {
  places: OperationPlaces;
  names: Names;
  /** Event ids whose details are open, so a re-render (a language switch) keeps them open. */
  expanded: Set<string>;
  jumpTo: (eventId: string) => void;
}

/** The element id of an entry's row, the target of correction links. */
export const entryElementId = (eventId: string): string => `entry-${eventId}`;

function roleLabel(role: string | null): string {
  return role ? labelOf("role", role) : t("role.system");
}

function timeField(label: string, instant: string, zone: string | null, testId: string): HTMLElement {
  return h("span", { class: "entry-time" }, h("span", { class: "muted" }, `${label} `), h("time", { datetime: instant, "data-testid": testId }, formatInZone(instant, zone)));
}

function linkButton(label: string, target: string, testId: string, jumpTo: (eventId: string) => void): HTMLButtonElement {
  const button = h("button", { type: "button", class: "link", "data-testid": testId, "data-target": target }, `${label} →`);
  button.addEventListener("click", () => jumpTo(target));
  return button;
}

function detailsContent(entry: TimelineEntry): Node[] {
  const fields: [string, string | null][] = [
    [t("eventId"), entry.eventId],
    [t("streamAndVersion"), `${entry.streamId} v${entry.streamVersion}`],
    [t("position"), entry.position],
    [t("commandId"), entry.commandId],
    [t("correlationId"), entry.correlationId],
    [t("actorId"), entry.actorId],
    [t("occurred"), entry.occurredAt],
    [t("recorded"), entry.recordedAt],
    [t("recordedDescription"), entry.description],
  ];
  return [
    h("dl", { class: "entry-metadata" }, ...fields.flatMap(([label, value]) => [h("dt", {}, label), h("dd", { class: "mono" }, value ?? "–")])),
    h("pre", { class: "entry-data mono", "data-testid": "entry-data", "aria-label": t("data") }, JSON.stringify(entry.data, null, 2)),
  ];
}

/** Metadata and data fill in when first opened: a page of hundreds of entries renders only what is read. */
function details(entry: TimelineEntry, expanded: Set<string>): HTMLDetailsElement {
  const element = h("details", { class: "entry-details", "data-testid": "entry-details" }, h("summary", {}, t("details")));
  const fill = (): void => {
    if (element.childElementCount === 1) element.append(...detailsContent(entry));
  };
  if (expanded.has(entry.eventId)) {
    element.open = true;
    fill();
  }
  element.addEventListener("toggle", () => {
    if (element.open) {
      expanded.add(entry.eventId);
      fill();
    } else {
      expanded.delete(entry.eventId);
    }
  });
  return element;
}

/** One entry of the timeline: when it happened and was recorded, who from which device, what, and its correction links. */
export function timelineRow(entry: TimelineEntry, context: RowContext): HTMLElement {
  const zone = context.places.zoneOf(entry);
  const delay = Date.parse(entry.recordedAt) - Date.parse(entry.occurredAt);
  const classes = ["timeline-entry", entry.late ? "late" : "", entry.correctedBy ? "corrected" : "", entry.corrects ? "correction" : ""].filter(Boolean);
  return h(
    "li",
    {
      id: entryElementId(entry.eventId),
      class: classes.join(" "),
      tabindex: -1,
      "data-testid": "timeline-entry",
      "data-event-id": entry.eventId,
      "data-type": entry.type,
      "data-late": String(entry.late),
      "data-corrected": String(entry.correctedBy !== null),
    },
    h(
      "div",
      { class: "entry-what" },
      entry.late ? h("span", { class: "badge late-flag", "data-testid": "late-flag", title: t("lateBy", { delay: formatDuration(delay) }) }, t("late")) : null,
      entry.correctedBy ? h("span", { class: "badge corrected-flag", "data-testid": "corrected-flag" }, t("corrected")) : null,
      entry.corrects ? h("span", { class: "badge correction-flag", "data-testid": "correction-flag" }, t("correction")) : null,
      h("span", { class: "description", "data-testid": "entry-description" }, describeEvent(entry, context.names)),
    ),
    h(
      "div",
      { class: "entry-when muted" },
      timeField(t("occurred"), entry.occurredAt, zone, "entry-occurred"),
      timeField(t("recorded"), entry.recordedAt, zone, "entry-recorded"),
      entry.late ? h("span", { class: "late-by" }, t("lateBy", { delay: formatDuration(delay) })) : null,
    ),
    h(
      "div",
      { class: "entry-who muted" },
      h("span", { "data-testid": "entry-actor" }, entry.actorName ?? entry.actorId ?? t("role.system")),
      " · ",
      h("span", { "data-testid": "entry-role" }, roleLabel(entry.actorRole)),
      " · ",
      h("span", { "data-testid": "entry-device" }, entry.deviceId ?? "–"),
    ),
    entry.corrects || entry.correctedBy
      ? h(
          "div",
          { class: "entry-links" },
          entry.corrects ? linkButton(t("correctsLink"), entry.corrects, "corrects-link", context.jumpTo) : null,
          entry.correctedBy ? linkButton(t("correctedByLink"), entry.correctedBy, "corrected-by-link", context.jumpTo) : null,
        )
      : null,
    details(entry, context.expanded),
  );
}
