import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import type { Board, FeedEvent } from "../api/types";
import { formatTime } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

const palette = ["#d9480f", "#1c7ed6", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599"];

/** Cumulative arrests per city against field time, built from arrest events as they arrive. */
export class ArrestsChart {
  readonly element: HTMLElement;
  private readonly canvas = h("canvas", { "aria-label": "arrests chart" });
  private readonly arrests = new Map<string, number[]>();
  private chart: Chart<"line", { x: number; y: number }[]> | null = null;
  private board: Board | null = null;

  constructor() {
    this.element = h("section", { class: "panel chart", "data-testid": "arrests-chart" }, h("h2", {}, t("arrestsOverTime")), h("div", { class: "chart-box" }, this.canvas));
  }

  setBoard(board: Board): void {
    this.board = board;
  }

  add(events: FeedEvent[]): void {
    let changed = false;
    for (const event of events) {
      if (event.type !== "site-arrest-logged") continue;
      const city = String(event.data["cityCode"] ?? "?");
      const times = this.arrests.get(city) ?? [];
      times.push(Date.parse(event.occurredAt ?? event.recordedAt));
      this.arrests.set(city, times);
      changed = true;
    }
    if (changed) this.render();
  }

  render(): void {
    this.element.querySelector("h2")!.textContent = t("arrestsOverTime");
    const datasets = [...this.arrests.entries()].map(([city, times], index) => {
      const sorted = [...times].sort((a, b) => a - b);
      const colour = palette[index % palette.length]!;
      return {
        label: this.board?.cities.find((candidate) => candidate.code === city)?.name ?? city,
        data: sorted.map((x, count) => ({ x, y: count + 1 })),
        borderColor: colour,
        backgroundColor: colour,
        stepped: true as const,
        pointRadius: 2,
      };
    });
    // A readable window: from a minute before the first arrest to a minute after the latest (or now).
    const times = [...this.arrests.values()].flat();
    const range = times.length > 0 ? { min: Math.min(...times) - 60_000, max: Math.max(...times, Date.now()) + 60_000 } : {};
    if (this.chart) {
      this.chart.data.datasets = datasets;
      Object.assign(this.chart.options.scales!["x"]!, range);
      this.chart.update("none");
      return;
    }
    this.chart = new Chart(this.canvas, {
      type: "line",
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: "linear", ...range, ticks: { callback: (value) => formatTime(Number(value)), maxTicksLimit: 6 } },
          y: { type: "linear", beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
  }
}
