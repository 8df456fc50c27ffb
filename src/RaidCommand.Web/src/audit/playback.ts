import { t } from "../i18n/i18n";
import { h } from "../ui/dom";
import type { TimeControls } from "./timeControls";

/** A replay steps through the span in this many strides, each shown for a moment before the next. */
const strides = 60;
const pauseMilliseconds = 400;

/**
 * Plays the record back: moves the time controls forward stride by stride, waiting for each moment's board to be on
 * screen before pausing and taking the next, so the auditor watches the board change as it did and no read piles up.
 */
export class Playback {
  readonly button = h("button", { type: "button", class: "link play", "data-testid": "play" });
  private playing = false;
  private controls: TimeControls | null = null;

  constructor(private readonly whenShown: () => Promise<void>) {
    this.button.addEventListener("click", () => (this.playing ? this.stop() : void this.play()));
  }

  attach(controls: TimeControls): void {
    this.controls = controls;
  }

  /** Any move the auditor makes by hand takes over from the playback. */
  stop(): void {
    this.playing = false;
    this.render();
  }

  render(): void {
    this.button.textContent = this.playing ? `❚❚ ${t("pause")}` : `▶ ${t("play")}`;
    this.button.dataset["state"] = this.playing ? "playing" : "paused";
  }

  private async play(): Promise<void> {
    const controls = this.controls;
    if (!controls) return;
    this.playing = true;
    this.render();
    const stride = Math.max(1, (controls.end - controls.start) / strides);
    if (controls.current.at >= controls.end) controls.moveTo(controls.start, false);
    await this.whenShown();
    while (this.playing && controls.current.at < controls.end) {
      await new Promise((resolve) => window.setTimeout(resolve, pauseMilliseconds));
      if (!this.playing) break;
      controls.moveTo(controls.current.at + stride, false);
      await this.whenShown();
    }
    this.stop();
  }
}
