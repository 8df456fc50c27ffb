// The driver's side of the client workers: spreads N clients over the worker threads and gathers their receipts.
import { Worker } from "node:worker_threads";

class ClientWorker {
  #worker = new Worker(new URL("./hubClients.worker.mjs", import.meta.url));
  #pending = new Map();
  #nextId = 0;

  constructor() {
    this.#worker.on("message", ({ id, result, error }) => {
      const { resolve, reject } = this.#pending.get(id);
      this.#pending.delete(id);
      if (error) reject(new Error(error));
      else resolve(result);
    });
    this.#worker.on("error", (error) => { for (const { reject } of this.#pending.values()) reject(error); });
  }

  ask(command, request) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, command, ...request });
    });
  }

  terminate() {
    return this.#worker.terminate();
  }
}

export class ClientPool {
  #workers;

  constructor(threads) {
    this.#workers = Array.from({ length: threads }, () => new ClientWorker());
  }

  #all(command, request) {
    return Promise.all(this.#workers.map((worker) => worker.ask(command, request)));
  }

  /** Connects `count` clients of one kind to `url`, subscribing each when `subscribe` ({ operationId, after }) is given. */
  async connect(kind, count, target) {
    const threads = this.#workers.length;
    await Promise.all(this.#workers.map((worker, index) =>
      worker.ask("connect", { kind, count: Math.floor(count / threads) + (index < count % threads ? 1 : 0), ...target })));
  }

  /** Moves the subscriptions of every client of `kind` to another operation ({ operationId, after }). */
  async subscribe(kind, subscription) {
    await this.#all("subscribe", { kind, ...subscription });
  }

  /** Receipt tables of every worker ({ clients, receipts }), handing over (and forgetting) what they hold. */
  collect(kind) {
    return this.#all("collect", { kind });
  }

  /** True once every client of `kind` has the events of every transaction in `txs`; false after `timeoutMs`. */
  async received(kind, txs, timeoutMs) {
    return (await this.#all("await", { kind, txs, timeoutMs })).every((answer) => answer.complete);
  }

  async close(kind) {
    await this.#all("close", { kind });
  }

  async terminate() {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
