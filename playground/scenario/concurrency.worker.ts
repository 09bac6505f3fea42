/**
 * The lost-update demo's worker: a module worker made fresh for one run. It empties its IndexedDB
 * object store, runs real grammY over the updates with the real `IndexedDBAdapter`, and posts the
 * result (or the error) back once. Started by `concurrency-client.ts`.
 *
 * No delay is added to the storage: IndexedDB answers every call in a later task, so two updates
 * handled at the same time both issue their reads before either read has answered, which is all
 * the lost update needs. What the page shows is the order in which the calls really happened.
 */
import { IndexedDBAdapter } from "@session-lab/adapters-browser";
import type { ConcurrencyRequest, ConcurrencyResponse } from "../protocol";
import { runPizzaUpdates } from "./concurrency";
import type { PizzaSession } from "./pizza-bot";

const post = globalThis.postMessage.bind(globalThis) as (message: ConcurrencyResponse) => void;

async function run(request: ConcurrencyRequest): Promise<ConcurrencyResponse> {
  const storage = new IndexedDBAdapter<PizzaSession>({ database: request.database, store: request.store });
  try {
    await storage.clear();
    const result = await runPizzaUpdates(request.updates, { schedule: request.schedule, key: request.key, storage });
    return { type: "result", result };
  } catch (error) {
    return { type: "error", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    // Before answering: the page terminates this worker as soon as it hears back, and a connection
    // closed while a transaction is still finishing stays open in WebKit, blocking the next run's upgrade.
    await storage.close();
  }
}

globalThis.addEventListener(
  "message",
  (event: MessageEvent<ConcurrencyRequest>) => {
    void run(event.data).then(post);
  },
  { once: true },
);
