// Percentiles of one phase's samples and medians across rounds.

/** Nearest-rank percentile (0 < p <= 100) of an ascending Float64Array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Commit-to-receipt latencies of one phase: for every write (its transaction and the time its HTTP answer came
 * back) and every client, the client's receipt time minus the commit time. Receipts are tables per worker:
 * transaction -> receipt time per client (NaN where none came).
 */
export function latencies(writes, receiptTables) {
  const clients = receiptTables.reduce((sum, table) => sum + table.clients, 0);
  const samples = new Float64Array(writes.length * clients);
  // Per write, the first client's latency: the server's delay before it pushes at all, without the fan-out's spread.
  const firsts = new Float64Array(writes.length).fill(Infinity);
  let count = 0;
  let missing = 0;
  writes.forEach((write, index) => {
    for (const table of receiptTables) {
      const times = table.receipts.get(write.tx);
      for (let client = 0; client < table.clients; client++) {
        const received = times ? times[client] : NaN;
        if (Number.isNaN(received)) {
          missing++;
        } else {
          samples[count++] = received - write.committedAt;
          firsts[index] = Math.min(firsts[index], received - write.committedAt);
        }
      }
    }
  });

  const sorted = samples.subarray(0, count).sort();
  const sortedFirsts = firsts.sort();
  const answers = Float64Array.from(writes, (write) => write.committedAt - write.sentAt).sort();
  return {
    writes: writes.length,
    samples: count,
    missing,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: count > 0 ? sorted[count - 1] : NaN,
    firstP50: percentile(sortedFirsts, 50),
    firstP99: percentile(sortedFirsts, 99),
    answerP50: percentile(answers, 50),
    answerP99: percentile(answers, 99),
    // A receipt handled before its write's answer: possible when the push overtakes the HTTP answer.
    beforeAnswer: sorted.findIndex((value) => value >= 0) === -1 ? count : sorted.findIndex((value) => value >= 0),
  };
}
