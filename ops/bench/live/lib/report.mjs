// The benchmark's outputs: a table on the console and the "## Live push" section of docs/benchmarks.md, which
// replaces only that section (or is appended at the end) and leaves every other section of the file as it is.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, release, totalmem } from "node:os";
import { promisify } from "node:util";

export const SECTION_HEADER = "## Live push";
const READING_FILE = new URL("../reading.md", import.meta.url);
const P99_TARGET_MS = 50;
const RATIO_TARGET = 2;

export async function machine() {
  const cpuinfo = await readFile("/proc/cpuinfo", "utf8");
  const { stdout: dotnet } = await promisify(execFile)("dotnet", ["--version"]);
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? "unknown",
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    kernel: release(),
    node: process.version,
    dotnet: dotnet.trim(),
    postgres: process.env.LIVE_BENCH_POSTGRES ?? "unknown",
    loadAverageAtEnd: loadavg(),
  };
}

const ms = (value) => value.toFixed(1);
const ratio = (ours, bare) => (ours / bare).toFixed(2);
const kib = (bytes) => (bytes / 1024).toFixed(1);
const yes = (met) => (met ? "yes" : "**no**");

function latencyRows(report) {
  return report.results.map(({ clients, ours, bare }) => [
    String(clients), ms(ours.p50), ms(bare.p50), ratio(ours.p50, bare.p50), ms(ours.p99), ms(bare.p99), ratio(ours.p99, bare.p99),
    yes(ours.p99 <= P99_TARGET_MS), yes(ours.p99 <= RATIO_TARGET * bare.p99),
  ]);
}

function breakdownRows(report) {
  return report.results.map(({ clients, ours, bare }) => [
    String(clients), `${ms(ours.firstP50)} / ${ms(ours.firstP99)}`, `${ms(bare.firstP50)} / ${ms(bare.firstP99)}`,
    ms(ours.answerP50), ms(bare.answerP50), ms(ours.serverCpuPerWrite), ms(bare.serverCpuPerWrite),
  ]);
}

const BREAKDOWN_HEADER = ["Clients", "first client p50 / p99, ours (ms)", "first client p50 / p99, bare (ms)", "write answer p50, ours (ms)", "trigger answer p50, bare (ms)", "server CPU per write, ours (ms)", "server CPU per write, bare (ms)"];

const LATENCY_HEADER = ["Clients", "p50 ours (ms)", "p50 bare (ms)", "p50 ours / bare", "p99 ours (ms)", "p99 bare (ms)", "p99 ours / bare", `p99 <= ${P99_TARGET_MS} ms?`, `p99 <= ${RATIO_TARGET}x bare?`];

function memoryRows(report) {
  return report.results.map(({ clients, memory }) => [
    String(clients),
    kib(memory.ours.rssPerClient), kib(memory.ours.heapPerClient), kib(memory.bare.rssPerClient), kib(memory.bare.heapPerClient),
    `${(memory.ours.after.rss / 2 ** 20).toFixed(0)} / ${(memory.ours.after.heap / 2 ** 20).toFixed(1)}`,
    `${(memory.bare.after.rss / 2 ** 20).toFixed(0)} / ${(memory.bare.after.heap / 2 ** 20).toFixed(1)}`,
  ]);
}

const MEMORY_HEADER = ["Clients", "ours RSS / client (KiB)", "ours heap / client (KiB)", "bare RSS / client (KiB)", "bare heap / client (KiB)", "ours after: RSS / heap (MiB)", "bare after: RSS / heap (MiB)"];

function markdownTable(header, rows) {
  const numeric = (column) => rows.every((row) => /^[\d.\-/ ]+$/.test(row[column]));
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, column) => (column > 0 && numeric(column) ? "---:" : "---")).join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function plainTable(header, rows) {
  const cells = [header, ...rows.map((row) => row.map((cell) => cell.replaceAll("**", "")))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  return cells.map((row) => row.map((cell, column) => cell.padStart(widths[column])).join("  ")).join("\n");
}

export function printTable(report) {
  console.log(`\nCommit-to-receipt latency, medians over ${report.settings.rounds} rounds\n${plainTable(LATENCY_HEADER, latencyRows(report))}`);
  console.log(`\nWhere the time goes (medians over rounds)\n${plainTable(BREAKDOWN_HEADER, breakdownRows(report))}`);
  console.log(`\nServer memory per connected client\n${plainTable(MEMORY_HEADER, memoryRows(report))}`);
}

function perRound(report) {
  const lines = [];
  const count = (value) => value.toLocaleString("en-US");
  for (const { clients, rounds } of report.results) {
    for (const side of ["ours", "bare"]) {
      const list = (key, format = ms) => rounds.map((round) => format(round[side][key])).join(", ");
      lines.push(`- ${clients} clients, ${side}: p50 ${list("p50")}; p99 ${list("p99")}; server CPU per write ${list("serverCpuPerWrite")}`);
    }
    const phases = rounds.flatMap((round) => ["ours", "bare"].map((side) => round[side]));
    const missing = phases.reduce((sum, phase) => sum + phase.missing, 0);
    const early = (side) => count(rounds.reduce((sum, round) => sum + round[side].beforeAnswer, 0));
    lines.push(`- ${clients} clients: ${count(phases.reduce((sum, phase) => sum + phase.samples, 0))} receipts in all, `
      + `${missing === 0 ? "none missing" : `**${count(missing)} missing**`}; handled before the driver had the write's answer `
      + `(kept as negative latencies): ours ${early("ours")}, bare ${early("bare")}; load average (1 min) at the end of each round `
      + `${rounds.map((round) => round.ours.loadAverage.toFixed(1)).join(", ")}`);
  }
  return lines.join("\n");
}

function method(report) {
  const { settings } = report;
  return `- **Ours**: the real server, \`src/RaidCommand.Server\` release build, started by \`ops/bench/live/run\` in its default mode
  (embedded PostgreSQL, durable, in a fresh folder under /tmp; \`Database:DataDirectory\`), on 127.0.0.1, with its default
  limits (nothing raised but the process's open-file limit). The driver signs in (JWT) as the administrator, registers a
  commander, and for every phase of ours plans and launches a fresh operation through the public API (one city, ${settings.dens} dens, one
  team and a newly registered field officer per den), so that each phase writes to an operation of a raid's size (some
  of what a write folds still grows with its operation, such as the auditors' as-of snapshots of the custody register, which
  hold every person's record). The N clients, signed in
  as the commander, move their subscription to the new operation (from its newest position) before the phase starts.
- **Writes**: arrests through \`POST /api/operations/{id}/sites/{site}/arrests\`, ${settings.rate} per second at a steady rate (open loop), from
  the ${settings.dens} officers in turn (each stays under the per-user write limit). Each arrest is one atomic write of two events (the
  arrest and the person's custody record), which the hub pushes as one \`events\` message.
- **Bare**: \`ops/bench/live/BareHub\`, a minimal ASP.NET Core host on the same machine with a hub that has no methods, no
  authentication and no feed. \`POST /broadcast\` answers 202 and then (\`Response.OnCompleted\`) calls
  \`Clients.All.SendAsync("events", payload)\` with the JSON it was posted: the very \`events\` array the real hub pushed to a
  commander for one arrest (captured at the start of the run), with its positions renumbered so that receipts can be matched.
- **Latency** of one write at one client: the receipt time (the client's \`events\` handler runs) minus the commit time (the
  write's HTTP answer has come back to the driver: the server answers only after the append has committed; for bare, after the
  202). One clock: one Node process sends the writes from its main thread and hosts the clients in ${settings.threads} worker threads; every
  time is \`process.hrtime\`, i.e. CLOCK_MONOTONIC, which all threads of a process share.
- **Clients**: \`@microsoft/signalr\` 10.0.11 in Node ${report.machine.node}, configured as the web UI's feed (\`transport: WebSockets\`,
  \`skipNegotiation: true\`), all in the driver process on the same 2 cores as both servers and PostgreSQL.
- **Rounds**: for each N, both sets of N clients are connected (one to each server), ${settings.warmupSeconds} s of untimed writes per side, then
  ${settings.rounds} rounds of ${settings.seconds} s per side (${settings.rate * settings.seconds} writes, so ${settings.rate * settings.seconds} x N receipts per side and round), alternating
  which side goes first. p50 and p99 are taken over all receipts of a round; the table gives the **median over rounds** and
  the ratio of those medians. Every receipt must arrive (a missing one is counted and reported).
- **Memory**: each server's RSS (\`VmRSS\` in /proc) and managed heap (live bytes after a full blocking GC, from
  \`dotnet-gcdump\`) before the N clients connect and after they are all connected (and, for ours, subscribed and caught up),
  idle; the difference divided by N.
- **Warm-up**: before the first measurement, each server is sent ${settings.initialWarmupSeconds ?? 2} s of writes with 10 clients connected, untimed
  (tiered compilation: a server's CPU per write kept falling through its first ~30 s of writes).`;
}

export async function section(report) {
  const { machine: m, settings } = report;
  let reading = "";
  try {
    reading = await readFile(READING_FILE, "utf8");
  } catch {
    reading = "### Reading the results\n\n(not written yet)\n";
  }
  // Every setting the results depend on, so that the command repeats the run whatever it was started with.
  const command = `ops/bench/run --live${settings.quick ? " --quick" : ""} --rounds ${settings.rounds} --seconds ${settings.seconds}`
    + `${settings.initialWarmupSeconds === undefined ? "" : ` --warmup ${settings.initialWarmupSeconds}`} --rate ${settings.rate} --clients ${settings.clients.join(",")} --threads ${settings.threads} --output ${settings.output}`;
  return `${SECTION_HEADER}

Measured by \`${command}\` on ${report.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC (run took ${report.minutes.toFixed(1)} min).

### Machine

- CPU: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB RAM, kernel ${m.kernel}; shared with other work
  (load average at the end ${m.loadAverageAtEnd.map((load) => load.toFixed(1)).join(", ")})
- .NET SDK ${m.dotnet}, Node ${m.node}, ${m.postgres}

### Method

${method(report)}

### Results

Commit-to-receipt latency (medians over ${settings.rounds} rounds):

${markdownTable(LATENCY_HEADER, latencyRows(report))}

Where the time goes (medians over rounds): the first client's latency is the server's delay before it pushes at
all, without the fan-out's spread; the write's answer is the HTTP round trip of the write (ours: a durable append);
server CPU is the server process's user + system time during the phase divided by the writes (ours: everything
the write costs, HTTP, append, projections and push; bare: the trigger and the push).

${markdownTable(BREAKDOWN_HEADER, breakdownRows(report))}

Server memory per connected client (after minus before, divided by N):

${markdownTable(MEMORY_HEADER, memoryRows(report))}

Per round (ms), in run order:

${perRound(report)}

${reading.trim()}
`;
}

/** Replaces the "## Live push" section of `file` (up to the next "## " heading), or appends it at the end. */
export async function writeSection(file, report) {
  const text = await readFile(file, "utf8");
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line === SECTION_HEADER);
  const fresh = (await section(report)).trimEnd().split("\n");
  if (start === -1) {
    await writeFile(file, `${text.trimEnd()}\n\n${fresh.join("\n")}\n`);
    return;
  }
  const next = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  const rest = next === -1 ? [] : ["", ...lines.slice(next)];
  await writeFile(file, `${[...lines.slice(0, start), ...fresh, ...rest].join("\n").trimEnd()}\n`);
}
