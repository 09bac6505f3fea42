/**
 * The lost-update view's three runs, end to end in Node: each schedule's generated program, compiled by the
 * playground's compiler and run in the sandbox runtime (real grammY, the real IndexedDBAdapter on
 * fake-indexeddb, which follows the spec's transaction order), fed the preset's updates the way the view
 * feeds them, and read back through {@link concurrencyResult}. No delay is added anywhere: IndexedDB answers
 * in later tasks, which is all the lost update needs.
 */
import "fake-indexeddb/auto";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import type { SandboxEvent } from "../protocol";
import { startProgram, type ProgramHarness } from "../sandbox/testing/sandbox-harness";
import { createTextMessageUpdate } from "../telegram/updates";
import { concurrencyResult, overlappingReads, scheduleSide, SCHEDULES, type ConcurrencyLogEntry, type PizzaSession, type Schedule } from "./concurrency";
import { CAST } from "./format";
import { generateProgram, type KeyStrategy, type SessionMode } from "./programs";
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

const running: ProgramHarness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.stop();
});

let databases = 0;

/**
 * One schedule as the view runs it: its program in a fresh sandbox on an empty database, every update sent at
 * once (a program without bot.start() gets them by concurrent dispatch, the other through its polling queue),
 * then the store read back.
 */
async function run(input: readonly Update[], schedule: Schedule, key: KeyStrategy = "user", mode: SessionMode = "strict") {
  const side = scheduleSide(schedule, key, mode);
  const database = `concurrency-test-${++databases}`;
  const harness = await startProgram(generateProgram(side.spec, "en"), { database });
  running.push(harness);
  await harness.waitFor("ready");
  const copies = structuredClone([...input]);
  if (side.spec.concurrent) harness.runtime.dispatchConcurrently(copies);
  else for (const update of copies) harness.runtime.dispatch(update);
  for (const update of input) await harness.waitFor("update-handled", (e) => e.updateId === update.update_id, 5000);
  const store = new IndexedDBAdapter<PizzaSession>({ database, store: side.spec.store });
  const sessions: Record<string, PizzaSession> = {};
  for await (const [k, value] of store.readAllEntries()) sessions[k] = value;
  await store.close();
  return { ...concurrencyResult(schedule, harness.events, sessions), events: harness.events };
}

describe("the lost-update preset", () => {
  it("is one person's pizzas in two different chats, under a per-user key", () => {
    expect(preset.key).toBe("user");
    expect(pizzas).toBe(updates.length);
    expect(new Set(updates.map((u) => u.message?.from?.id))).toEqual(new Set([CAST.ana.id]));
    expect(new Set(updates.map((u) => u.message?.chat.id)).size).toBe(updates.length);
  });
});

describe("the three runs in the sandbox", () => {
  it("keeps every pizza when the updates are handled one after another (bot.start())", async () => {
    const result = await run(updates, "sequential");
    expect(result.errors).toEqual([]);
    expect(result.sessions).toEqual({ [ana]: { pizzaCount: pizzas } });
    // Each update's calls finish before the next update's begin.
    const owners = result.log.map((e) => e.updateId);
    expect(owners).toEqual([...owners].sort((a, b) => a - b));
    expect(result.overlappingReads).toEqual([]);
  });

  it("loses pizzas when they are handled concurrently: both read the old value, the last write wins", async () => {
    const result = await run(updates, "concurrent");
    expect(result.errors).toEqual([]);
    expect(result.sessions).toEqual({ [ana]: { pizzaCount: 1 } });
    const ends = (op: string) => result.log.filter((e) => e.op === op && e.phase === "end").map((e) => e.seq);
    const writes = result.log.filter((e) => e.op === "write" && e.phase === "start");
    // Every read was over before any write was stored, so each update incremented the same old value.
    expect(Math.max(...ends("read"))).toBeLessThan(Math.min(...ends("write")));
    expect(new Set(writes.map((e) => e.updateId))).toEqual(new Set(updates.map((u) => u.update_id)));
    expect(writes.map((e) => e.value)).toEqual(updates.map(() => ({ pizzaCount: 1 })));
    // The interleaving is in the log: the reads start together, find nothing, and all overlap.
    expect(result.log.slice(0, updates.length).map((e) => [e.phase, e.op])).toEqual(updates.map(() => ["start", "read"]));
    const reads = result.log.filter((e) => e.op === "read" && e.phase === "start").map((e) => e.call);
    expect(result.overlappingReads).toEqual(reads);
    expect(result.log.filter((e) => e.op === "read" && e.phase === "end").map((e) => e.value)).toEqual(updates.map(() => undefined));
  });

  it("keeps every pizza concurrently with sequentialize: updates with one key wait for each other", async () => {
    const result = await run(updates, "sequentialized");
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

  it("gives the three schedules the guide's results: none lost, one lost, none lost", async () => {
    const counts: Record<string, number | undefined> = {};
    for (const schedule of SCHEDULES) counts[schedule] = (await run(updates, schedule)).sessions[ana]?.pizzaCount;
    expect(counts).toEqual({ sequential: pizzas, concurrent: pizzas - 1, sequentialized: pizzas });
  });

  it("lets sequentialize run updates with different keys at the same time", async () => {
    // Per chat, the two pizzas have different keys: nothing waits, so the reads still overlap in time.
    const result = await run(updates, "sequentialized", "chat");
    expect(result.log.slice(0, 2).map((e) => [e.phase, e.op])).toEqual([
      ["start", "read"],
      ["start", "read"],
    ]);
    expect(Object.values(result.sessions)).toEqual(updates.map(() => ({ pizzaCount: 1 })));
    // Different keys never overwrite each other, so this is no overlap.
    expect(result.overlappingReads).toEqual([]);
  });

  it("names each call's own update although the updates run at the same time", async () => {
    // Per chat, every key is the chat of the update that made the call: a guess by order could not pass this.
    const result = await run(updates, "concurrent", "chat");
    const chatOf = new Map(updates.map((u) => [u.update_id, String(u.message?.chat.id)]));
    expect(result.log.length).toBe(updates.length * 4);
    for (const entry of result.log) expect(entry.key).toBe(chatOf.get(entry.updateId));
    const total = Object.values(result.sessions).reduce((sum, s) => sum + s.pizzaCount, 0);
    expect(total).toBe(pizzas);
  });

  it("loses updates with lazy sessions too: laziness changes when the read happens, not what is read", async () => {
    const sequential = await run(updates, "sequential", "user", "lazy");
    const concurrent = await run(updates, "concurrent", "user", "lazy");
    expect(sequential.sessions[ana]?.pizzaCount).toBe(pizzas);
    expect(concurrent.sessions[ana]?.pizzaCount).toBe(1);
  });

  it("makes no storage call for updates that have no key", async () => {
    // Poll answers have no ctx.from (no per-user key); inline queries have no chat (no per-chat key).
    const poll = await run(updatesOf("ben @ poll: 0\nchloe @ poll: 1"), "concurrent", "user");
    const inline = await run(updatesOf("ana @ inline: x\nben @ inline: y"), "concurrent", "chat");
    for (const result of [poll, inline]) expect(result).toMatchObject({ errors: [], sessions: {}, log: [] });
  });

  it("reports what a handler threw and handles the other updates all the same", async () => {
    // A channel post has no ctx.from: under a per-user key, touching the session throws.
    const channel = { id: -1001111111111, type: "channel" as const, title: "Pizza news" };
    const post = createTextMessageUpdate({ from: CAST.ben, chat: channel, text: "🍕", updateId: 90, messageId: 1 });
    const result = await run([post, ...updates], "sequentialized", "user");
    expect(result.errors).toEqual([{ updateId: 90, message: expect.stringContaining("getSessionKey` function returned undefined") }]);
    expect(result.sessions).toEqual({ [ana]: { pizzaCount: pizzas } });
  });
});

describe("concurrencyResult", () => {
  const call = (id: number, updateId: number, op: "read" | "write", startSeq: number, endSeq: number, extra: Partial<SandboxEvent> = {}): SandboxEvent => ({
    type: "storage",
    id,
    op,
    key: "k",
    updateId,
    storageIndex: 0,
    startedAt: 0,
    durationMs: 0,
    startSeq,
    endSeq,
    ...extra,
  } as SandboxEvent);

  it("orders starts and ends by where they happened, not by when they were reported", () => {
    // Reported in end order; update 2's read started before update 1's read ended.
    const events = [call(2, 2, "read", 1, 2), call(1, 1, "read", 0, 3, { found: true, value: { pizzaCount: 4 } }), call(3, 1, "write", 4, 5, { value: { pizzaCount: 5 }, error: "disk full" })];
    const { log } = concurrencyResult("concurrent", events, {});
    expect(log.map((e) => `${e.phase} ${e.op} ${e.updateId} #${e.call}`)).toEqual([
      "start read 1 #1",
      "start read 2 #2",
      "end read 2 #2",
      "end read 1 #1",
      "start write 1 #3",
      "end write 1 #3",
    ]);
    expect(log[3]!.value).toEqual({ pizzaCount: 4 });
    expect(log[4]!.value).toEqual({ pizzaCount: 5 });
    expect(log[5]!.error).toBe("disk full");
  });

  it("refuses a storage call without its place in the run: the order would be a guess", () => {
    const unplaced = { type: "storage", id: 1, op: "read", key: "k", updateId: 1, storageIndex: 0, startedAt: 0, durationMs: 0 } as SandboxEvent;
    expect(() => concurrencyResult("concurrent", [unplaced], {})).toThrow(/place/);
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
