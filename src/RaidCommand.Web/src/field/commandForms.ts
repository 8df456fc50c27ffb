import type { MessageKey } from "../i18n/messages";
import { t } from "../i18n/i18n";
import { h } from "../ui/dom";

export type CommandKind = "breach" | "secure" | "arrest" | "seizure" | "freeze";

interface FieldSpec {
  name: string;
  label: MessageKey;
  type?: "text" | "number" | "select";
  options?: string[];
  required?: boolean;
  value?: string;
}

const categories = ["Phone", "Computer", "HardDisk", "BankCard", "SimCard", "Vehicle", "Cash", "Documents", "Other"];

/** The inputs each quick form asks for; breach and secure need none (team and time are added for every entry). */
const fields: Record<CommandKind, FieldSpec[]> = {
  breach: [],
  secure: [],
  arrest: [
    { name: "name", label: "personName" },
    { name: "localTag", label: "localTag" },
  ],
  seizure: [
    { name: "category", label: "category", type: "select", options: categories, required: true },
    { name: "quantity", label: "quantity", type: "number", required: true, value: "1" },
    { name: "description", label: "description", required: true },
    { name: "storageLocation", label: "storageLocation", required: true },
  ],
  freeze: [
    { name: "accountHolder", label: "accountHolder", required: true },
    { name: "bank", label: "bank", required: true },
    { name: "accountNumber", label: "accountNumber", required: true },
    { name: "amount", label: "amount", type: "number", required: true },
    { name: "freezeOrderReference", label: "orderReference", required: true },
  ],
};

/** The path segment of each field command under /api/operations/{op}/sites/{site}/. */
export const commandPaths: Record<CommandKind, string> = {
  breach: "breach",
  secure: "secure",
  arrest: "arrests",
  seizure: "seizures",
  freeze: "freezes",
};

function input(spec: FieldSpec): HTMLElement {
  const attributes = { name: spec.name, required: spec.required ?? false, "data-testid": `field-${spec.name}` };
  if (spec.type === "select") {
    const select = h("select", attributes);
    for (const option of spec.options ?? []) select.append(h("option", { value: option }, t(`category.${option}` as MessageKey)));
    return select;
  }
  return h("input", { ...attributes, type: spec.type ?? "text", value: spec.value, min: spec.type === "number" ? 0 : undefined, step: "any" });
}

/** Turns the form's values into the command body (numbers as numbers, money as { amount, currency }). */
function bodyOf(kind: CommandKind, form: HTMLFormElement): Record<string, unknown> {
  const values = Object.fromEntries([...new FormData(form).entries()].map(([name, value]) => [name, String(value).trim()]));
  switch (kind) {
    case "arrest":
      return { name: values["name"] || null, localTag: values["localTag"] || null };
    case "seizure":
      return { ...values, quantity: Number(values["quantity"]), identifiers: [] };
    case "freeze":
      return { ...values, amount: { amount: Number(values["amount"]), currency: "CNY" } };
    default:
      return {};
  }
}

/** A quick form; on submit hands over the body without team and time, which the caller adds. */
export function commandForm(kind: CommandKind, siteId: string, submit: (body: Record<string, unknown>) => void): HTMLFormElement {
  const form = h(
    "form",
    { class: `quick-form ${kind}`, "data-testid": `form-${kind}-${siteId}` },
    ...fields[kind].map((spec) => h("label", {}, t(spec.label), input(spec))),
    h("button", { type: "submit", class: "primary", "data-testid": `submit-${kind}-${siteId}` }, fields[kind].length === 0 ? t(kind) : `${t(kind)} · ${t("submit")}`),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(bodyOf(kind, form));
    if (fields[kind].length > 0) form.reset();
  });
  return form;
}
