/**
 * The field outbox in IndexedDB: every command is written here before anything is sent, so a reload, a crash or a
 * dead network loses nothing. The command id (the Idempotency-Key) is fixed when the entry is created.
 */
export type OutboxState = "pending" | "delivered" | "rejected";

export interface OutboxEntry {
  commandId: string;
  /** Creation order; the sender delivers pending entries in this order. */
  sequence: number;
  createdAt: string;
  label: string;
  path: string;
  body: unknown;
  state: OutboxState;
  attempts: number;
  detail?: string;
  replayed?: boolean;
}

const databaseName = "raidcommand-field";
const storeName = "outbox";

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: "commandId" }).createIndex("sequence", "sequence");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB unavailable"));
  });
  return opened;
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, mode);
    const request = work(transaction.objectStore(storeName));
    // Resolve on commit, not on the request: a write is durable only once its transaction completes.
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB write failed"));
  });
}

export async function enqueue(entry: Omit<OutboxEntry, "sequence" | "state" | "attempts">): Promise<OutboxEntry> {
  const full: OutboxEntry = { ...entry, sequence: Date.now() * 1000 + Math.floor(performance.now() % 1000), state: "pending", attempts: 0 };
  await withStore("readwrite", (store) => store.add(full));
  return full;
}

export async function update(entry: OutboxEntry): Promise<void> {
  await withStore("readwrite", (store) => store.put(entry));
}

/** Every entry, oldest first. */
export async function allEntries(): Promise<OutboxEntry[]> {
  return withStore<OutboxEntry[]>("readonly", (store) => store.index("sequence").getAll() as IDBRequest<OutboxEntry[]>);
}

export async function nextPending(): Promise<OutboxEntry | undefined> {
  return (await allEntries()).find((entry) => entry.state === "pending");
}
