import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import type { Chat, User } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";
import type { SessionStorageInfo } from "../protocol";
import { startProgram, type ProgramHarness } from "./testing/sandbox-harness";
import { createTextMessageUpdate } from "../telegram/updates";

const ana: User = { id: 424242, is_bot: false, first_name: "Ana" };
const anaChat: Chat = { id: 424242, type: "private", first_name: "Ana" };

const running: ProgramHarness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.stop();
});

let databases = 0;
async function start(source: string): Promise<ProgramHarness & { database: string }> {
  const database = `storage-kind-test-${++databases}`;
  const harness = await startProgram(source, { database });
  running.push(harness);
  await harness.waitFor("ready");
  return Object.assign(harness, { database });
}

const example = (name: string) => readFileSync(new URL(`../examples/${name}/en.ts`, import.meta.url), "utf8");
const used = (harness: ProgramHarness): SessionStorageInfo[] => harness.eventsOf("storage-used").map((e) => e.storage);

async function say(harness: ProgramHarness, text: string, updateId: number): Promise<void> {
  harness.runtime.dispatch(createTextMessageUpdate({ from: ana, chat: anaChat, text, updateId, messageId: updateId }));
  await harness.waitFor("update-handled", (e) => e.updateId === updateId);
}

describe("the storages a program uses, as the sandbox reports them", () => {
  it("memory pizza: grammY's default MemorySessionStorage, announced before the program is ready and before any call", async () => {
    const harness = await start(example("pizza-memory"));
    await say(harness, "🍕", 1);
    expect(used(harness)).toEqual([{ storageIndex: 0, kind: "memory", middleware: "session", default: true }]);
    const types = harness.events.map((e) => e.type);
    expect(types.indexOf("storage-used")).toBeLessThan(types.indexOf("ready"));
    expect(types.indexOf("storage-used")).toBeLessThan(types.indexOf("storage"));
  });

  it("pizza: IndexedDBAdapter with the run's database and its object store, where the session really is", async () => {
    const harness = await start(example("pizza"));
    await say(harness, "🍕", 1);
    await say(harness, "🍕", 2);
    expect(used(harness)).toEqual([{ storageIndex: 0, kind: "indexeddb", middleware: "session", database: harness.database, store: "sessions" }]);
    const adapter = new IndexedDBAdapter<unknown>({ database: harness.database, store: "sessions" });
    expect(await adapter.read("424242")).toEqual({ pizzaCount: 2 });
    adapter.close();
  });

  it("multi: each fragment with its own kind and name, although the file mentions IndexedDBAdapter", async () => {
    const harness = await start(example("multi"));
    expect(used(harness)).toEqual([
      { storageIndex: 0, kind: "indexeddb", middleware: "session", fragment: "user", database: harness.database, store: "sessions" },
      { storageIndex: 1, kind: "memory", middleware: "session", fragment: "chat", default: true },
    ]);
  });

  it("the database and store the program names, not the run's", async () => {
    const harness = await start(`
      import { Bot, lazySession } from "grammy";
      import { IndexedDBAdapter } from "@session-lab/adapters-browser";
      const bot = new Bot<any>("");
      bot.use(lazySession({ initial: () => ({}), storage: new IndexedDBAdapter({ database: "my-bot", store: "pizzas" }) }));
    `);
    expect(used(harness)).toEqual([{ storageIndex: 0, kind: "indexeddb", middleware: "lazySession", database: "my-bot", store: "pizzas" }]);
  });

  it("looks through enhanceStorage and the package's observeStorage to the storage underneath", async () => {
    const harness = await start(`
      import { Bot, enhanceStorage, MemorySessionStorage, session } from "grammy";
      import { IndexedDBAdapter, observeStorage } from "@session-lab/adapters-browser";
      const bot = new Bot<any>("");
      bot.use(session({ type: "multi",
        a: { storage: enhanceStorage({ storage: new IndexedDBAdapter({ store: "timed" }), millisecondsToLive: 1000 }) },
        b: { storage: enhanceStorage({ storage: new MemorySessionStorage(), migrations: { 1: (old: unknown) => old } }) },
        c: { storage: observeStorage(new IndexedDBAdapter(), () => {}) },
      }));
    `);
    expect(used(harness)).toEqual([
      { storageIndex: 0, kind: "indexeddb", middleware: "session", fragment: "a", enhanced: true, database: harness.database, store: "timed" },
      { storageIndex: 1, kind: "memory", middleware: "session", fragment: "b", enhanced: true },
      { storageIndex: 2, kind: "indexeddb", middleware: "session", fragment: "c", database: harness.database, store: "sessions" },
    ]);
  });

  it("any other adapter is custom, with its class name when it has one", async () => {
    const harness = await start(`
      import { Bot, MemorySessionStorage, session, type StorageAdapter } from "grammy";
      class MapAdapter<T> implements StorageAdapter<T> {
        private map = new Map<string, T>();
        read(key: string) { return this.map.get(key); }
        write(key: string, value: T) { this.map.set(key, value); }
        delete(key: string) { this.map.delete(key); }
      }
      // A plain object that only forwards to memory: the sandbox cannot see inside it.
      const memory = new MemorySessionStorage<unknown>();
      const forwarding = { read: (k: string) => memory.read(k), write: (k: string, v: unknown) => memory.write(k, v), delete: (k: string) => memory.delete(k) };
      const bot = new Bot<any>("");
      bot.use(session({ storage: new MapAdapter() }));
      bot.use(session({ storage: forwarding, getSessionKey: () => "x" }));
      bot.use(session({ storage: new MemorySessionStorage(60_000), getSessionKey: () => "y" }));
    `);
    expect(used(harness)).toEqual([
      { storageIndex: 0, kind: "custom", middleware: "session", className: "MapAdapter" },
      { storageIndex: 1, kind: "custom", middleware: "session" },
      { storageIndex: 2, kind: "memory", middleware: "session" },
    ]);
  });

  it("a program without sessions uses no storage", async () => {
    const harness = await start(`
      import { Bot } from "grammy";
      // IndexedDBAdapter and session() in a comment change nothing.
      const bot = new Bot("");
      bot.on("message", (ctx) => ctx.reply("hi"));
    `);
    expect(used(harness)).toEqual([]);
  });
});
