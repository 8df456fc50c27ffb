// The benchmark's one clock. process.hrtime reads CLOCK_MONOTONIC, which is process-wide: the driver's main thread
// (which sends the writes and takes their commit times) and the worker threads (which host the clients and take
// their receipt times) read the very same clock, so no alignment between threads is needed.
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Polls `condition` every `everyMs` until it holds (true) or `timeoutMs` has passed (false). */
export async function waitFor(condition, timeoutMs, everyMs = 20) {
  const deadline = now() + timeoutMs;
  while (!(await condition())) {
    if (now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}
