/**
 * A feed position "tx-pos": the writing transaction's id and the event's position in it. Positions order as
 * (tx, pos) pairs of integers; comparing the strings would put "10-1" before "9-1". BigInt because xid8 is 64-bit.
 */
export interface Position {
  tx: bigint;
  pos: bigint;
}

export function parsePosition(text: string): Position {
  const match = /^(\d+)-(\d+)$/.exec(text);
  if (!match) throw new Error(`Not a feed position: ${text}`);
  return { tx: BigInt(match[1]!), pos: BigInt(match[2]!) };
}

export function comparePositions(a: string, b: string): number {
  const left = parsePosition(a);
  const right = parsePosition(b);
  if (left.tx !== right.tx) return left.tx < right.tx ? -1 : 1;
  if (left.pos !== right.pos) return left.pos < right.pos ? -1 : 1;
  return 0;
}

export function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return comparePositions(a, b) >= 0 ? a : b;
}
