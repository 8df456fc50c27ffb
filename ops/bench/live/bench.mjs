// Live push benchmark driver: commit-to-receipt latency on N real @microsoft/signalr clients, the RaidCommand hub
// ("ours") against a bare SignalR broadcast of the same payload ("bare"), plus server memory per connection.
// Started by ops/bench/live/run (through `ops/bench/run --live`), which starts both servers and passes them in:
//   LIVE_BENCH_SERVER, LIVE_BENCH_SERVER_PID       the RaidCommand server (release build, durable embedded PostgreSQL)
//   LIVE_BENCH_BARE, LIVE_BENCH_BARE_PID           the bare hub host (ops/bench/live/BareHub)
//   LIVE_BENCH_ADMIN_PASSWORD                      the server's first administrator
// Usage: node bench.mjs [--quick] [--rounds N] [--seconds S] [--rate W] [--clients 100,1000] [--threads T] [--output FILE]
//        node bench.mjs --from ops/bench/results/live-....json --output FILE   (rewrites the section from a run's results)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import * as signalR from "@microsoft/signalr";
import { ClientPool } from "./lib/clientPool.mjs";
import { now, sleep, waitFor } from "./lib/clock.mjs";
import { planBenchRaid, signInBenchCommander } from "./lib/benchRaid.mjs";
import { cpuMilliseconds } from "./lib/processCpu.mjs";
import { comparePositions } from "./lib/positions.mjs";
import { machine, printTable, writeSection } from "./lib/report.mjs";
import { serverMemory } from "./lib/serverMemory.mjs";
import { latencies, median } from "./lib/stats.mjs";

const settings = parseSettings(process.argv.slice(2));
if (settings.from) {
  // Only the write-up: the section again from a run's raw results (after editing reading.md), no measuring.
  const saved = JSON.parse(await readFile(settings.from, "utf8"));
  await writeSection(settings.output, { ...saved, startedAt: new Date(saved.startedAt), settings: { ...saved.settings, output: settings.output } });
  console.log(`Wrote the "## Live push" section of ${settings.output} from ${settings.from}`);
  process.exit(0);
}

const server = requiredEnv("LIVE_BENCH_SERVER");
const bare = requiredEnv("LIVE_BENCH_BARE");
const pids = { ours: Number(requiredEnv("LIVE_BENCH_SERVER_PID")), bare: Number(requiredEnv("LIVE_BENCH_BARE_PID")) };
// Transaction ids of the bare side's synthetic positions: far above any the database hands out during a run.
const BARE_TX_BASE = 9_000_000_000;
const DRAIN_TIMEOUT_MS = 15_000;
// What a phase measures that the report gives as medians over rounds.
const SUMMARIZED = ["p50", "p99", "firstP50", "firstP99", "answerP50", "serverCpuPerWrite"];

const startedAt = new Date();
const clock = now();
const people = await signInBenchCommander(server, requiredEnv("LIVE_BENCH_ADMIN_PASSWORD"));
let raid = await planBenchRaid(people, settings.dens);
const ourHub = { url: `${server}/hubs/command`, token: people.commander.token };
const bareHub = { url: `${bare}/hubs/bare` };
let newestPosition = raid.position;
let sequence = 0;

async function writeOurs() {
  const number = sequence++;
  const den = raid.dens[number % raid.dens.length];
  const sentAt = now();
  const response = await den.officer.post(`/api/operations/${raid.operationId}/sites/${den.siteId}/arrests`, {
    teamId: den.teamId, occurredAt: new Date().toISOString(), name: `Bench suspect ${number}`, localTag: `LB-${number}`,
  });
  const committedAt = now();
  const text = await response.text();
  if (response.status !== 201) throw new Error(`arrest answered ${response.status}: ${text}`);
  const { position } = JSON.parse(text);
  if (comparePositions(position, newestPosition) > 0) newestPosition = position;
  return { tx: position.slice(0, position.indexOf("-")), sentAt, committedAt };
}

const template = await capturePayload();

async function writeBare() {
  const tx = String(BARE_TX_BASE + sequence++);
  const payload = template.map((event) => ({ ...event, position: `${tx}-${event.position.slice(event.position.indexOf("-") + 1)}` }));
  const sentAt = now();
  const response = await fetch(`${bare}/broadcast`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
  const committedAt = now();
  await response.arrayBuffer();
  if (response.status !== 202) throw new Error(`broadcast answered ${response.status}`);
  return { tx, sentAt, committedAt };
}

const sides = { ours: { write: writeOurs, hub: () => ({ ...ourHub, subscribe: { operationId: raid.operationId, after: newestPosition } }) }, bare: { write: writeBare, hub: () => bareHub } };
const pool = new ClientPool(settings.threads);
try {
  // Untimed: JIT, pools and first-connection costs of both servers, so that none of it lands in N=100's numbers. Long
  // enough for tiered compilation to settle: a server's CPU per write kept falling through its first ~30 s of writes.
  for (const side of ["ours", "bare"]) {
    await pool.connect(side, 10, sides[side].hub());
    await phase(side, settings.initialWarmupSeconds);
    await pool.close(side);
  }

  const results = [];
  for (const clients of settings.clients) {
    results.push(await measure(clients));
  }

  const report = { startedAt, minutes: (now() - clock) / 60_000, settings, machine: await machine(), results };
  printTable(report);
  await mkdir(new URL("../results/", import.meta.url), { recursive: true });
  const file = new URL(`../results/live-${startedAt.toISOString().replaceAll(":", "-").slice(0, 19)}.json`, import.meta.url);
  await writeFile(file, JSON.stringify(report, null, 2));
  console.log(`Raw results: ${file.pathname}`);
  if (settings.output) {
    await writeSection(settings.output, report);
    console.log(`Wrote the "## Live push" section of ${settings.output}`);
  }
} finally {
  await pool.terminate();
}

async function measure(clients) {
  console.log(`\n== ${clients} clients`);
  const before = { ours: await serverMemory(pids.ours), bare: await serverMemory(pids.bare) };
  const connectStarted = now();
  await pool.connect("ours", clients, sides.ours.hub());
  await pool.connect("bare", clients, sides.bare.hub());
  console.log(`connected ${clients} + ${clients} clients in ${((now() - connectStarted) / 1000).toFixed(1)} s`);
  const after = { ours: await serverMemory(pids.ours), bare: await serverMemory(pids.bare) };
  const memory = Object.fromEntries(["ours", "bare"].map((side) => [side, {
    before: before[side], after: after[side],
    rssPerClient: (after[side].rss - before[side].rss) / clients, heapPerClient: (after[side].heap - before[side].heap) / clients,
  }]));

  await phase("ours", settings.warmupSeconds);
  await phase("bare", settings.warmupSeconds);
  const rounds = [];
  for (let round = 1; round <= settings.rounds; round++) {
    // Alternate which side goes first, so a slow drift of the machine's load does not favour one of them.
    const order = round % 2 === 1 ? ["ours", "bare"] : ["bare", "ours"];
    const measured = {};
    for (const side of order) measured[side] = await phase(side, settings.seconds);
    rounds.push(measured);
    console.log(`round ${round}: ${["ours", "bare"].map((side) => describe(side, measured[side])).join("; ")}`);
  }

  await pool.close("ours");
  await pool.close("bare");
  const medians = (side) => Object.fromEntries(SUMMARIZED.map((key) => [key, median(rounds.map((round) => round[side][key]))]));
  return { clients, memory, rounds, ours: medians("ours"), bare: medians("bare") };
}

function describe(side, phase) {
  const f = (value) => value.toFixed(1);
  return `${side} p50 ${f(phase.p50)} p99 ${f(phase.p99)} (first client ${f(phase.firstP50)} / ${f(phase.firstP99)}, answer ${f(phase.answerP50)}) ms, `
    + `server CPU ${f(phase.serverCpuPerWrite)} ms/write${phase.missing > 0 ? `, ${phase.missing} MISSING` : ""}`;
}

/** Writes at the steady rate for `seconds` (open loop: a slow answer does not delay the next write), then waits for every receipt. */
async function phase(side, seconds) {
  if (side === "ours") {
    // A fresh operation for every phase: what one write costs must not grow with everything earlier phases wrote
    // (the auditors' as-of snapshots of the custody register, for one, hold every person of their operation).
    raid = await planBenchRaid(people, settings.dens);
    newestPosition = raid.position;
    await pool.subscribe("ours", { operationId: raid.operationId, after: newestPosition });
  }
  await pool.collect(side);
  const writes = [];
  const inFlight = [];
  const count = Math.round(settings.rate * seconds);
  const cpuBefore = await cpuMilliseconds(pids[side]);
  const start = now();
  for (let index = 0; index < count; index++) {
    await sleep(start + (index * 1000) / settings.rate - now());
    inFlight.push(sides[side].write().then((write) => writes.push(write)));
  }
  await Promise.all(inFlight);
  const complete = await pool.received(side, writes.map((write) => write.tx), DRAIN_TIMEOUT_MS);
  const serverCpuPerWrite = ((await cpuMilliseconds(pids[side])) - cpuBefore) / writes.length;
  return { ...latencies(writes, await pool.collect(side)), complete, serverCpuPerWrite, loadAverage: loadavg()[0] };
}

/** What the real hub pushes to a commander for one arrest (its "events" array), for the bare side to broadcast. */
async function capturePayload() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(ourHub.url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, accessTokenFactory: () => ourHub.token })
    .configureLogging(signalR.LogLevel.Error)
    .build();
  const messages = [];
  // A handler's return value would be sent back as a client result: return nothing.
  connection.on("events", (events) => { messages.push(events); });
  await connection.start();
  await connection.invoke("Subscribe", raid.operationId, newestPosition);
  const { tx } = await writeOurs();
  const arrived = await waitFor(() => messages.some((events) => events.some((event) => event.position.startsWith(`${tx}-`))), DRAIN_TIMEOUT_MS);
  await connection.stop();
  if (!arrived) throw new Error("the probe client never received the arrest it wrote");
  const payload = messages.find((events) => events.some((event) => event.position.startsWith(`${tx}-`)));
  console.log(`payload: ${payload.length} events, ${JSON.stringify(payload).length} bytes of JSON per message`);
  return payload;
}

function parseSettings(args) {
  const quick = args.includes("--quick");
  const parsed = {
    quick, rounds: quick ? 2 : 5, seconds: quick ? 8 : 30, initialWarmupSeconds: quick ? 2 : 30, warmupSeconds: quick ? 2 : 5, rate: 20, clients: [100, 1000], threads: 2, dens: 4, output: null, from: null,
  };
  if (args.includes("--from") && !args.includes("--output")) throw new Error("--from needs --output");
  for (let index = 0; index < args.length; index++) {
    const value = () => args[++index];
    switch (args[index]) {
      case "--quick": break;
      case "--rounds": parsed.rounds = Number(value()); break;
      case "--seconds": parsed.seconds = Number(value()); break;
      case "--warmup": parsed.initialWarmupSeconds = Number(value()); break;
      case "--rate": parsed.rate = Number(value()); break;
      case "--clients": parsed.clients = value().split(",").map(Number); break;
      case "--threads": parsed.threads = Number(value()); break;
      case "--output": parsed.output = value(); break;
      case "--from": parsed.from = value(); break;
      default: throw new Error(`Unknown argument ${args[index]}. Usage: [--quick] [--rounds N] [--seconds S] [--warmup S] [--rate W] [--clients 100,1000] [--threads T] [--output FILE] | --from RESULTS.json --output FILE`);
    }
  }
  return parsed;
}

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the benchmark through ops/bench/run --live`);
  return value;
}
