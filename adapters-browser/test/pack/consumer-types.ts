// Type-checked inside the pack-install test's empty project with NodeNext resolution, so the
// `types` conditions of both entry points must lead to the published .d.ts files.
import { session, type Context, type SessionFlavor, type StorageAdapter } from "grammy";
import { IndexedDBAdapter, type IndexedDBAdapterOptions, StorageAdapterError } from "@session-lab/adapters-browser";
import { observeStorage, type StorageEvent } from "@session-lab/adapters-browser/observe";

interface Pizzas {
  pizzas: string[];
}

const options: IndexedDBAdapterOptions = { database: "d", store: "s", openTimeoutMs: 1_000, pageSize: 10 };
const events: StorageEvent[] = [];
const storage: StorageAdapter<Pizzas> = observeStorage(new IndexedDBAdapter<Pizzas>(options), (e) => events.push(e));
const middleware = session<Pizzas, Context & SessionFlavor<Pizzas>>({ initial: () => ({ pizzas: [] }), storage });
const error: StorageAdapterError | undefined = undefined;

// @ts-expect-error pageSize is a number: a wrong option type must be caught through the published types.
new IndexedDBAdapter({ pageSize: "10" });

export { error, middleware };
