import { formatDuration, formatTime } from "../i18n/format";
import { t } from "../i18n/i18n";

/**
 * Elements with data-h-hour (an instant) and data-zone (IANA) show the countdown to H-hour and the city's wall clock;
 * one timer updates them all every second. A board replayed as of an instant passes that instant as "now".
 */
export function tickCountdowns(root: ParentNode, now: number = Date.now()): void {
  root.querySelectorAll<HTMLElement>("[data-h-hour]").forEach((element) => {
    const hHour = Date.parse(element.dataset["hHour"] ?? "");
    const zone = element.dataset["zone"];
    const remaining = hHour - now;
    const countdown = element.querySelector(".countdown");
    const clock = element.querySelector(".clock");
    if (countdown) countdown.textContent = t(remaining > 0 ? "countdownBefore" : "countdownAfter", { time: formatDuration(remaining) });
    if (clock) clock.textContent = t("localTime", { time: formatTime(now, zone) });
    element.classList.toggle("imminent", remaining > 0 && remaining < 10 * 60_000);
  });
}

export function startCountdowns(root: ParentNode): () => void {
  tickCountdowns(root);
  const timer = window.setInterval(() => tickCountdowns(root), 1000);
  return () => window.clearInterval(timer);
}
