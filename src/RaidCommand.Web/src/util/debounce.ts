/** Calls the action once the calls have paused for the given time: a drag of a slider becomes one request. */
export function debounce(action: () => void, milliseconds: number): { (): void; cancel(): void } {
  let timer: number | undefined;
  const debounced = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(action, milliseconds);
  };
  debounced.cancel = (): void => window.clearTimeout(timer);
  return debounced;
}
