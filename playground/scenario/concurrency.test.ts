import "fake-indexeddb/auto";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { createTextMessageUpdate } from "../telegram/updates";
import { createDelayedMemoryStorage, overlappingReads, runPizzaUpdates, SCHEDULES, type ConcurrencyLogEntry, type ConcurrencyOptions } from "./concurrency";
import { CAST } from "./format";
import type { PizzaSession } from "./pizza-bot";
import { parseScenario } from "./parse";
import { presetById } from "./presets";
import { stepsToUpdates } from "./to-updates";

const preset = presetById("lost-update")!;

function updatesOf(text: string): Update[] {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return stepsToUpdates(result.steps);
}

const updates = updatesOf(preset.text.en);
const pizzas = updates.filter((u) => /🍕/.test(u.message?.text ?? "")).length;
const ana = String(CAST.ana.id);

/** Runs on a fresh delayed in-memory store, as every browser run gets a cleared IndexedDB store. */
function run(input: readonly Update[], options: Omit<ConcurrencyOptions, "storage">) {
  return runPizzaUpdates(input, { ...options, storage: createDelayedMemoryStorage() });
}

describe("the lost-update preset", () => {
  it("is one person's pizzas in two different chats, under a per-user key", () => {
    expect(preset.key).toBe("user");
    expect(pizzas).toBe(updates.length);
    expect(new Set(updates.map((u) => u.message?.from?.id))).toEqual(new Set([CAST.ana.id]));
    expect(new Set(updates.map((u) => u.message?.chat.id)).size).toBe(updates.length);
  });

  it("keeps every pizza when the updates are handled one after another", async () => {
    const result = await run(updates, { schedule: "sequential", key: "user" });
    expect(result.errors).toEqual([]);
    expect(result.sessions).toEqual({ [ana]: { pizzaCount: pizzas } });
    // Each update's calls finish before the next update's begin.
    const order = result.log.filter((e) => e.phase === "start").map((e) => e.updateId);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("loses pizzas when they are handled concurrently: both read the old value, the last write wins", async () => {
    const result = await run(updates, { schedule: "concurrent", key: "user" });
    expect(result.errors).toEqual([]);
    expect(result.sessions[ana].pizzaCount).toBeLessThan(pizzas);
    const ends = (op: string) => result.log.filter((e) => e.op === op && e.phase === "end").map((e) => e.seq);
    const writes = result.log.filter((e) => e.op === "write" && e.phase === "start");
    // Every read was over before any write was stored, so each update incremented the same old value.
    expect(Math.max(...ends("read"))).toBeLessThan(Math.min(...ends("write")));
    expect(new Set(writes.map((e) => e.updateId)).size).toBe(updates.length);
    expect(new Set(writes.map((e) => JSON.stringify(e.value))).size).toBe(1);
    // The interleaving is in the log: the two reads overlap.
    expect(result.log.slice(0, 2).map((e) => [e.phase, e.op])).toEqual([
      ["start", "read"],
      ["start", "read"],
    ]);
  });

  it("keeps every pizza concurrently with sequentialize: updates with one key wait for each other", async () => {
    const result = await run(updates, { schedule: "sequentialized", key: "user" });
    expect(result.errors).toEqual([]);
    expect(result.sessions).toEqual({ [ana]: { pizzaCount: pizzas } });
    // Each update's calls are contiguous: the next one starts only after the write before it ended.
    const owners = result.log.map((e) => e.updateId);
    expect(owners).toEqual([...owners].sort((a, b) => a - b));
    // And each read finds what the previous update wrote.
    const found = result.log.filter((e) => e.op === "read" && e.phase === "end").map((e) => e.value?.pizzaCount);
    expect(found).toEqual([undefined, ...Array.from({ length: pizzas - 1 }, (_, i) => i + 1)]);
    expect(result.overlappingReads).toEqual([]);
  });

  it("lets sequentialize run updates with different keys at the same time", async () => {
    // Per chat, the two pizzas have different keys: nothing waits, so the reads still overlap in time.
    const result = await run(updates, { schedule: "sequentialized", key: "chat" });
    expect(result.log.slice(0, 2).map((e) => [e.phase, e.op])).toEqual([
      ["start", "read"],
      ["start", "read"],
    ]);
    expect(Object.values(result.sessions).map((s) => s.pizzaCount)).toEqual(updates.map(() => 1));
    // Different keys never overwrite each other, so this is no overlap.
    expect(result.overlappingReads).toEqual([]);
  });

  it("names the reads that overlap: every read of the concurrent run, none of the sequential one", async () => {
    const concurrent = await run(updates, { schedule: "concurrent", key: "user" });
    const reads = concurrent.log.filter((e) => e.op === "read" && e.phase === "start").map((e) => e.call);
    expect(reads).toHaveLength(updates.length);
    expect(concurrent.overlappingReads).toEqual(reads);
    // What each read found and each write stored: the same old value, the same new one.
    expect(concurrent.log.filter((e) => e.op === "read" && e.phase === "end").map((e) => e.value)).toEqual(updates.map(() => undefined));
    expect(concurrent.log.filter((e) => e.op === "write" && e.phase === "start").map((e) => e.value)).toEqual(
      updates.map(() => ({ pizzaCount: 1 })),
    );
    const sequential = await run(updates, { schedule: "sequential", key: "user" });
    expect(sequential.overlappingReads).toEqual([]);
  });

  it("loses nothing concurrently when the key separates the chats", async () => {
    const result = await run(updates, { schedule: "concurrent", key: "chat" });
    const total = Object.values(result.sessions).reduce((sum, s) => sum + s.pizzaCount, 0);
    expect(total).toBe(pizzas);
  });

  it("loses updates with lazy sessions too: laziness changes when the read happens, not what is read", async () => {
    const sequential = await run(updates, { schedule: "sequential", key: "user", mode: "lazy" });
    const concurrent = await run(updates, { schedule: "concurrent", key: "user", mode: "lazy" });
    expect(sequential.sessions[ana].pizzaCount).toBe(pizzas);
    expect(concurrent.sessions[ana].pizzaCount).toBeLessThan(pizzas);
  });

  it("makes no storage call for updates that have no key", async () => {
    // Poll answers have no ctx.from (no per-user key); inline queries have no chat (no per-chat key).
    const poll = await run(updatesOf("ben @ poll: 0\nchloe @ poll: 1"), { schedule: "concurrent", key: "user" });
    const inline = await run(updatesOf("ana @ inline: x\nben @ inline: y"), { schedule: "concurrent", key: "chat" });
    for (const result of [poll, inline]) expect(result).toMatchObject({ errors: [], sessions: {}, log: [] });
  });

  it("reports what a handler threw and handles the other updates all the same", async () => {
    // A channel post has no ctx.from: under a per-user key, touching the session throws.
    const channel = { id: -1001111111111, type: "channel" as const, title: "Pizza news" };
    const post = createTextMessageUpdate({ from: CAST.ben, chat: channel, text: "🍕", updateId: 90, messageId: 1 });
    const result = await run([post, ...updates], { schedule: "sequential", key: "user" });
    expect(result.errors).toEqual([{ updateId: 90, message: expect.stringContaining("getSessionKey` function returned undefined") }]);
    expect(result.sessions).toEqual({ [ana]: { pizzaCount: pizzas } });
  });

  it("logs a storage call that fails, and reports the update it broke", async () => {
    const inner = createDelayedMemoryStorage();
    const failing = { ...inner, write: () => Promise.reject(new Error("disk full")) };
    const result = await runPizzaUpdates(updates, { schedule: "sequentialized", key: "user", storage: failing });
    expect(result.errors).toEqual(updates.map((u) => ({ updateId: u.update_id, message: expect.stringContaining("disk full") })));
    expect(result.log.filter((e) => e.op === "write" && e.phase === "end").map((e) => e.error)).toEqual(updates.map(() => "disk full"));
    // A failed update does not stop sequentialize from running the next one.
    expect(result.log.filter((e) => e.op === "read" && e.phase === "start")).toHaveLength(updates.length);
    expect(result.sessions).toEqual({});
  });
});

describe("overlappingReads", () => {
  const entry = (seq: number, phase: "start" | "end", call: number, updateId: number, op: "read" | "write", key = "k"): ConcurrencyLogEntry => ({
    seq,
    phase,
    call,
    updateId,
    op,
    key,
  });

  it("finds reads whose update's span crosses another update's span on the same key", () => {
    // Update 2 reads while update 1 is between its read and its write.
    const log = [
      entry(0, "start", 1, 1, "read"),
      entry(1, "end", 1, 1, "read"),
      entry(2, "start", 2, 2, "read"),
      entry(3, "start", 3, 1, "write"),
      entry(4, "end", 2, 2, "read"),
      entry(5, "end", 3, 1, "write"),
      entry(6, "start", 4, 2, "write"),
      entry(7, "end", 4, 2, "write"),
    ];
    expect(overlappingReads(log)).toEqual([1, 2]);
  });

  it("finds none when spans only touch other keys or follow each other", () => {
    const otherKeys = [entry(0, "start", 1, 1, "read", "a"), entry(1, "start", 2, 2, "read", "b"), entry(2, "end", 1, 1, "read", "a"), entry(3, "end", 2, 2, "read", "b")];
    const oneAfterAnother = [entry(0, "start", 1, 1, "read"), entry(1, "end", 1, 1, "read"), entry(2, "start", 2, 2, "read"), entry(3, "end", 2, 2, "read")];
    expect(overlappingReads(otherKeys)).toEqual([]);
    expect(overlappingReads(oneAfterAnother)).toEqual([]);
  });
});

describe("on IndexedDB (fake-indexeddb, which follows the spec's transaction order)", () => {
  it("loses an update only in the concurrent run, with no delay added to the storage", async () => {
    const counts: Record<string, number | undefined> = {};
    for (const schedule of SCHEDULES) {
      const storage = new IndexedDBAdapter<PizzaSession>({ database: "concurrency-test", store: schedule });
      await storage.clear();
      const result = await runPizzaUpdates(updates, { schedule, key: "user", storage });
      storage.close();
      expect(result.errors).toEqual([]);
      counts[schedule] = result.sessions[ana]?.pizzaCount;
      if (schedule === "concurrent") expect(result.overlappingReads).toHaveLength(updates.length);
      else expect(result.overlappingReads).toEqual([]);
    }
    // Concurrently, every update read the empty session and wrote { pizzaCount: 1 }.
    expect(counts).toEqual({ sequential: pizzas, concurrent: 1, sequentialized: pizzas });
  });
});
