import type { AuditClock, TimelineSpan } from "../api/auditTypes";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";
import { instantOfWallClock, wallClockOf } from "../util/wallClock";
import type { Moment } from "./asOfReplay";

/** The slider has about this many positions over the span, so the arrow keys step through it in useful strides. */
const positions = 1000;

/** The first and last instant of the record on either clock: between them, every moment where the board changes. */
export function spanOf(span: TimelineSpan): { start: number; end: number } | null {
  const instants = [span.firstOccurredAt, span.firstRecordedAt, span.lastOccurredAt, span.lastRecordedAt].filter((instant): instant is string => instant !== null).map(Date.parse);
  return instants.length === 0 ? null : { start: Math.min(...instants), end: Math.max(...instants) };
}

/**
 * Chooses the moment of the replay: a slider over the operation's span and an exact instant typed on the home city's
 * wall clock (to the millisecond), on the recorded or the occurred clock. The slider asks for a settled read; a typed
 * instant or a switch of clock asks at once.
 */
export class TimeControls {
  readonly element = h("div", { class: "time-controls", "data-testid": "time-controls" });
  readonly start: number;
  readonly end: number;
  private readonly step: number;
  private moment: Moment;
  private readonly slider: HTMLInputElement;
  private readonly instantInput: HTMLInputElement;

  constructor(
    span: { start: number; end: number },
    private readonly zone: string,
    private readonly onMove: (moment: Moment, settle: boolean) => void,
    private readonly playButton: HTMLElement,
    /** A move by hand (slider, typed instant, clock) takes over from a playback. */
    private readonly onHandMove: () => void,
  ) {
    this.step = Math.max(1, Math.ceil((span.end - span.start) / positions));
    this.start = span.start;
    // The last position is at or after the last instant, so the end of the slider shows everything.
    this.end = span.start + Math.ceil((span.end - span.start) / this.step) * this.step;
    this.moment = { at: this.end, clock: "recorded" };
    this.slider = h("input", { type: "range", min: this.start, max: this.end, step: this.step, "data-testid": "time-slider" });
    // Keys fire a change with every press, so a release settles too: holding an arrow key is a drag.
    for (const event of ["input", "change"]) this.slider.addEventListener(event, () => this.moveByHand(Number(this.slider.value), true));
    this.instantInput = h("input", { type: "datetime-local", step: 0.001, "data-testid": "time-instant" });
    this.instantInput.addEventListener("change", () => {
      const at = instantOfWallClock(this.instantInput.value, this.zone);
      if (at !== null) this.moveByHand(at, false);
    });
  }

  get current(): Moment {
    return this.moment;
  }

  /** Moves to an instant (clamped to the span) and asks for the view there. */
  moveTo(at: number, settle: boolean): void {
    this.moment = { ...this.moment, at: Math.min(this.end, Math.max(this.start, at)) };
    this.sync();
    this.onMove(this.moment, settle);
  }

  private moveByHand(at: number, settle: boolean): void {
    this.onHandMove();
    this.moveTo(at, settle);
  }

  render(): void {
    const clocks = (["recorded", "occurred"] as const).map((clock) => this.clockChoice(clock));
    this.element.replaceChildren(
      h("fieldset", { class: "clock-switch", "data-testid": "clock-switch" }, h("legend", {}, t("clock")), ...clocks),
      h("div", { class: "slider-row" }, this.playButton, this.slider),
      h("label", { class: "instant" }, `${t("instant")} (${t("timesIn", { zone: this.zone })})`, this.instantInput),
    );
    this.sync();
  }

  private clockChoice(clock: AuditClock): HTMLElement {
    const radio = h("input", { type: "radio", name: "audit-clock", value: clock, "data-testid": `clock-${clock}` });
    radio.checked = this.moment.clock === clock;
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      this.onHandMove();
      this.moment = { ...this.moment, clock };
      this.onMove(this.moment, false);
    });
    return h("label", { class: "check" }, radio, t(`clock.${clock}`));
  }

  private sync(): void {
    this.slider.value = String(this.moment.at);
    this.instantInput.value = wallClockOf(this.moment.at, this.zone);
  }
}
