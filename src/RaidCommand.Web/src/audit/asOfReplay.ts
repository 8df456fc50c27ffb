import type { AuditClock, BoardAsOf, CustodyAsOf } from "../api/auditTypes";
import { getBoardAsOf, getCustodyAsOf } from "../api/endpoints";
import { formatInZone } from "../i18n/format";
import { t } from "../i18n/i18n";
import { h, replaceChildren } from "../ui/dom";
import { debounce } from "../util/debounce";
import { RefreshScheduler } from "../util/refreshScheduler";
import { asOfBoardView } from "./asOfBoardView";
import { custodyRegisterView } from "./custodyRegisterView";
import type { OperationPlaces } from "./operationPlaces";

export interface Moment {
  at: number;
  clock: AuditClock;
}

interface Shown extends Moment {
  board: BoardAsOf;
  custody: CustodyAsOf;
}

/** While the slider is dragged, a read waits for this pause, so a drag costs a request or two, never one per pixel. */
const settleMilliseconds = 200;

const same = (a: Moment | null, b: Moment | null): boolean => a !== null && b !== null && a.at === b.at && a.clock === b.clock;

/**
 * The board and custody register as of the moment the auditor chose. Reads are debounced and coalesced (one in
 * flight; the next asks for the newest moment), and an answer overtaken by a newer moment is not shown, so the view
 * always ends on the answer for the last position.
 */
export class AsOfReplay {
  readonly element = h("section", { class: "as-of", "data-testid": "as-of", "aria-live": "polite" });
  private wanted: Moment | null = null;
  private shown: Shown | null = null;
  private failure: string | null = null;
  private waiting: (() => void)[] = [];
  private readonly reads = new RefreshScheduler(() => this.readWanted());
  private readonly readSoon = debounce(() => this.reads.request(), settleMilliseconds);

  constructor(
    private readonly operationId: string,
    private readonly places: OperationPlaces,
    private readonly zone: string,
  ) {}

  /** Asks for the view at a moment: at once, or once the moments stop changing (while dragging). */
  show(moment: Moment, settle: boolean): void {
    this.wanted = moment;
    this.failure = null;
    this.renderState();
    if (settle) {
      this.readSoon();
    } else {
      this.readSoon.cancel();
      this.reads.request();
    }
  }

  /** Resolves once the moment asked for last is on screen (or its read failed). */
  whenShown(): Promise<void> {
    if (same(this.shown, this.wanted) || this.failure !== null) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  render(): void {
    const shown = this.shown;
    if (!shown) {
      replaceChildren(this.element, h("p", { class: "muted" }, t("loading")));
    } else {
      const status = t("asOfStatus", {
        time: formatInZone(shown.at, this.zone),
        clock: t(`clockName.${shown.clock}`),
        count: shown.board.eventsApplied,
      });
      replaceChildren(
        this.element,
        h("p", { class: "as-of-status", "data-testid": "as-of-status" }, status),
        this.failure ? h("p", { class: "error" }, t("loadFailed", { detail: this.failure })) : null,
        h("div", { class: "as-of-views" }, asOfBoardView(shown.board.view, shown.at), custodyRegisterView(shown.custody.view ?? [], this.places)),
      );
    }
    this.renderState();
  }

  /** What is on screen, for people (a dimmed view while a newer one loads) and for tests (data-at, data-clock). */
  private renderState(): void {
    const state = this.failure !== null ? "failed" : same(this.shown, this.wanted) ? "shown" : "loading";
    this.element.dataset["state"] = state;
    if (this.shown) {
      this.element.dataset["at"] = new Date(this.shown.at).toISOString();
      this.element.dataset["clock"] = this.shown.clock;
    }
  }

  private async readWanted(): Promise<void> {
    const wanted = this.wanted;
    if (!wanted) return;
    try {
      const [board, custody] = await Promise.all([
        getBoardAsOf(this.operationId, wanted.at, wanted.clock),
        getCustodyAsOf(this.operationId, wanted.at, wanted.clock),
      ]);
      // Overtaken by a newer moment: a read for that one is already due, and only its answer is worth showing.
      if (wanted !== this.wanted) return;
      this.shown = { ...wanted, board, custody };
      this.failure = null;
    } catch (error) {
      if (wanted !== this.wanted) return;
      this.failure = error instanceof Error ? error.message : String(error);
    }
    this.render();
    this.waiting.splice(0).forEach((resolve) => resolve());
  }
}
