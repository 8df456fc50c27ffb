// A live-view client exactly as a browser runs it: the official @microsoft/signalr client.
// usage: node client.mjs <baseUrl> <token> <operationId> <after or "-"> <events to wait for> <timeout ms>
// Subscribes, collects every event pushed (catch-up and live) until it has the number asked for after "caughtUp",
// or the time-out, then prints one JSON line: what it received, in order, and how. Prints "caught-up" on a line of
// its own when the catch-up is done.
import * as signalR from "@microsoft/signalr";

const [baseUrl, token, operationId, afterArg, wantedArg, timeoutArg] = process.argv.slice(2);
const after = afterArg === "-" ? null : afterArg;
const wanted = Number(wantedArg);
const received = [];
let batches = 0;
let caughtUp = null;
let subscribed = null;
let error = null;

const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/command`, { accessTokenFactory: () => token })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

connection.on("events", (events) => {
  batches++;
  for (const e of events) received.push(e);
});
// A line of its own, so that a test can write only once the client is live.
connection.on("caughtUp", (c) => { caughtUp = c; process.stdout.write("caught-up\n"); });

const done = new Promise((resolve) => {
  const timer = setTimeout(resolve, Number(timeoutArg));
  const poll = setInterval(() => {
    if (caughtUp && received.length >= wanted) { clearInterval(poll); clearTimeout(timer); resolve(); }
  }, 10);
});

try {
  await connection.start();
  subscribed = await connection.invoke("Subscribe", operationId, after);
  await done;
} catch (e) {
  error = String(e && e.message ? e.message : e);
}
await connection.stop();
// Exit explicitly: after a refused Subscribe the wait's timers would keep node alive until they fire.
process.stdout.write(JSON.stringify({ subscribed, caughtUp, batches, error, events: received }) + "\n", () => process.exit(0));
