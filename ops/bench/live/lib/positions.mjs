// Feed positions "tx-pos" order as pairs of integers (as src/RaidCommand.Web/src/live/position.ts explains).
export function comparePositions(a, b) {
  const [left, right] = [a, b].map((text) => text.split("-").map(BigInt));
  if (left[0] !== right[0]) return left[0] < right[0] ? -1 : 1;
  if (left[1] !== right[1]) return left[1] < right[1] ? -1 : 1;
  return 0;
}
