import { en, zh, type MessageKey } from "./messages";

export type Language = "zh-CN" | "en";

const storageKey = "raidcommand.language";
const listeners = new Set<() => void>();

function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (stored === "zh-CN" || stored === "en") return stored;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

let current: Language = initialLanguage();
document.documentElement.lang = current;

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}

export function toggleLanguage(): void {
  setLanguage(current === "zh-CN" ? "en" : "zh-CN");
}

/** Called after every language change; views re-render their text. */
export function onLanguageChange(listener: () => void): void {
  listeners.add(listener);
}

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = (current === "zh-CN" ? zh : en)[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

/** The label of a code (a category, a capacity) where the tables have one, else the code itself. */
export function labelOf(prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key) : code;
}
