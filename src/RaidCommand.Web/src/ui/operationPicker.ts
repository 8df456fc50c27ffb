import type { OperationSummary } from "../api/types";
import { t } from "../i18n/i18n";
import { h } from "./dom";

/** The operation named by ?operation= when it is one of these, else the first of them (null when there are none). */
export function chosenOperation(operations: OperationSummary[]): string | null {
  const requested = new URLSearchParams(location.search).get("operation");
  return operations.find((operation) => operation.operationId === requested)?.operationId ?? operations[0]?.operationId ?? null;
}

/** A select of operations that opens the page of the one chosen (pathOf gives its address). */
export function operationPicker(operations: OperationSummary[], selected: string, pathOf: (operationId: string) => string): HTMLElement {
  const select = h("select", { "data-testid": "operation-picker", "aria-label": t("operations") });
  for (const operation of operations) {
    const option = h("option", { value: operation.operationId }, `${operation.codeName} — ${operation.title}`);
    option.selected = operation.operationId === selected;
    select.append(option);
  }
  select.addEventListener("change", () => location.assign(pathOf(select.value)));
  return select;
}
