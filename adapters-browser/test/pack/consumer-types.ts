// Type-checked inside the pack-install test's empty project with NodeNext resolution, so the
// `types` conditions of every entry point must lead to the published .d.ts files.
import { session, type Context, type SessionFlavor, type StorageAdapter } from "grammy";
import { IndexedDBAdapter, type IndexedDBAdapterOptions, StorageAdapterError } from "@session-lab/adapters-browser";
import { observeStorage, type StorageEvent } from "@session-lab/adapters-browser/observe";
import { walkValue, type ValueVisitor } from "@session-lab/adapters-browser/values";

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

const count: ValueVisitor<number, number[]> = {
  leaf: () => 1,
  open: () => [],
  add: (into, child) => void into.push(child),
  addEntry: (into, key, value) => void into.push(key + value),
  close: (into) => into.reduce((sum, n) => sum + n, 1),
  cut: () => 1,
  again: () => 0,
  unreadable: () => 0,
};
const parts: number = walkValue({ pizzas: ["funghi"] }, count, { maxDepth: 8, revisit: "share" });

export { error, middleware, parts };
