// A worker thread hosting a share of the benchmark's clients: real @microsoft/signalr connections, configured as the
// web UI's live feed is (WebSockets only, no negotiate). For each client it notes when the events of each write's
// transaction arrived, on the process-wide clock, and answers the driver's requests (lib/clientPool.mjs).
import { parentPort } from "node:worker_threads";
import * as signalR from "@microsoft/signalr";
import { now, waitFor } from "./clock.mjs";

const CONNECTS_AT_ONCE = 25;

/** kind ("ours" or "bare") -> { connections, receipts: Map<transaction id, Float64Array of receipt times per client> } */
const sets = new Map();

function transactionOf(position) {
  return position.slice(0, position.indexOf("-"));
}

function record(set, client, events) {
  const receivedAt = now();
  for (const event of events) {
    const tx = transactionOf(event.position);
    let times = set.receipts.get(tx);
    if (!times) {
      times = new Float64Array(set.connections.length).fill(NaN);
      set.receipts.set(tx, times);
    }
    // The last message carrying the transaction completes the write (its events normally come in one message).
    times[client] = receivedAt;
  }
}

async function connectOne(set, client, { url, token }) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, {
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
      ...(token ? { accessTokenFactory: () => token } : {}),
    })
    .configureLogging(signalR.LogLevel.Error)
    .build();
  set.connections[client] = connection;
  set.caughtUp[client] = false;
  connection.on("events", (events) => record(set, client, events));
  connection.on("caughtUp", () => { set.caughtUp[client] = true; });
  await connection.start();
}

/** Moves one client's subscription to `operationId` (from the position `after`) and waits until it has caught up. */
async function subscribeOne(set, client, { operationId, after }) {
  const connection = set.connections[client];
  if (set.operationId) await connection.invoke("Unsubscribe", set.operationId);
  set.caughtUp[client] = false;
  await connection.invoke("Subscribe", operationId, after);
  if (!(await waitFor(() => set.caughtUp[client], 30_000))) throw new Error(`client ${client} did not catch up`);
}

async function inBatches(count, each) {
  for (let first = 0; first < count; first += CONNECTS_AT_ONCE) {
    const batch = [];
    for (let client = first; client < Math.min(count, first + CONNECTS_AT_ONCE); client++) batch.push(each(client));
    await Promise.all(batch);
  }
}

async function connect({ kind, count, subscribe: subscription, ...target }) {
  const set = { connections: new Array(count), caughtUp: new Array(count), receipts: new Map(), operationId: null };
  sets.set(kind, set);
  await inBatches(count, (client) => connectOne(set, client, target));
  if (subscription) await subscribe({ kind, ...subscription });
  return { connected: count };
}

async function subscribe({ kind, operationId, after }) {
  const set = sets.get(kind);
  await inBatches(set.connections.length, (client) => subscribeOne(set, client, { operationId, after }));
  set.operationId = operationId;
  return { subscribed: set.connections.length };
}

function collect({ kind }) {
  const set = sets.get(kind);
  const receipts = set.receipts;
  set.receipts = new Map();
  return { clients: set.connections.length, receipts };
}

async function awaitAll({ kind, txs, timeoutMs }) {
  const set = sets.get(kind);
  const complete = () => txs.every((tx) => {
    const times = set.receipts.get(tx);
    return times !== undefined && !times.some(Number.isNaN);
  });
  return { complete: await waitFor(complete, timeoutMs) };
}

async function close({ kind }) {
  const set = sets.get(kind);
  sets.delete(kind);
  await Promise.all(set.connections.map((connection) => connection.stop()));
  return { closed: set.connections.length };
}

const handlers = { connect, subscribe, collect, await: awaitAll, close };

parentPort.on("message", async ({ id, command, ...request }) => {
  try {
    parentPort.postMessage({ id, result: await handlers[command](request) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
