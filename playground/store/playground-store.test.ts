import { describe, expect, it } from "vitest";
import { effect } from "vue";
import type { Message, Update } from "grammy/types";
import type { SandboxEvent, StorageOpEvent } from "../protocol";
import { createPlaygroundStore } from "./playground-store";
import type { RunEvent } from "./types";

const ANA = { id: 424242, is_bot: false, first_name: "Ana" };
const privateChat = { id: 424242, type: "private" as const, first_name: "Ana" };

function textUpdate(updateId: number, text: string, messageId = updateId): Update {
  return { update_id: updateId, message: { message_id: messageId, date: 0, chat: privateChat, from: ANA, text } };
}

let nextStorageId = 1;
function storage(op: StorageOpEvent["op"], key: string, updateId: number | undefined, extra: Partial<StorageOpEvent> = {}): StorageOpEvent {
  return { type: "storage", id: nextStorageId++, op, key, startedAt: 0, durationMs: 0.5, storageIndex: 0, updateId, ...extra };
}

function botMessage(messageId: number, text: string, keyboard?: { text: string; callback_data: string }[][]): Message {
  return {
    message_id: messageId,
    date: 0,
    chat: privateChat,
    from: { id: 1, is_bot: true, first_name: "Bot" },
    text,
    ...(keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}),
  } as Message;
}

function sent(callId: number, message: Message, updateId?: number): SandboxEvent {
  return { type: "api-call", callId, method: "sendMessage", payload: { chat_id: message.chat.id, text: message.text }, result: message, updateId, durationMs: 0 };
}

/** A store whose batches run only when the test says so. */
function manualStore() {
  const queued: (() => void)[] = [];
  const store = createPlaygroundStore({ schedule: (flush) => queued.push(flush) });
  return { store, frame: () => queued.splice(0).forEach((flush) => flush()) };
}

describe("playground store", () => {
  it("applies a burst of events in one batch, triggering views once", () => {
    const { store, frame } = manualStore();
    store.beginRun();
    let renders = 0;
    effect(() => {
      void store.trafficRows.value;
      renders++;
    });
    const before = renders;
    for (let i = 0; i < 500; i++) store.ingest(storage("read", "424242", 1));
    expect(store.trafficRows.value.length).toBe(0); // nothing before the frame
    frame();
    expect(store.trafficRows.value.length).toBe(501); // one group row + 500 calls
    expect(renders - before).toBe(1);
  });

  it("groups calls by update and counts reads, writes and deletes", () => {
    const { store } = manualStore();
    store.beginRun();
    const events: RunEvent[] = [
      { type: "update-received", updateId: 1, update: textUpdate(1, "🍕"), at: 0 },
      storage("read", "424242", 1, { found: false }),
      storage("write", "424242", 1, { value: { pizzaCount: 1 }, after: { pizzaCount: 1 } }),
      { type: "update-handled", updateId: 1, durationMs: 1 },
      { type: "update-received", updateId: 2, update: textUpdate(2, "/reset"), at: 0 },
      storage("read", "424242", 2, { found: true, value: { pizzaCount: 1 } }),
      storage("delete", "424242", 2),
      storage("has", "424242", 2),
    ];
    events.forEach((event) => store.ingest(event));
    store.flush();
    const rows = store.trafficRows.value;
    expect(rows.map((r) => (r.kind === "group" ? `group ${r.updateId}` : `${r.event.op} ${r.event.key}`))).toEqual([
      "group 1",
      "read 424242",
      "write 424242",
      "group 2",
      "read 424242",
      "delete 424242",
      "has 424242",
    ]);
    expect(store.totals.value).toEqual({ read: 2, write: 1, delete: 1, other: 1 });
    const first = rows[0];
    expect(first.kind === "group" && first.summary).toMatchObject({ kind: "message", fromName: "Ana", text: "🍕", chatType: "private" });
    expect(store.handled.value).toBe(1);
  });

  it("opens a new group when calls of two updates interleave", () => {
    const { store } = manualStore();
    store.beginRun();
    [storage("read", "a", 1), storage("read", "b", 2), storage("write", "a", 1)].forEach((e) => store.ingest(e));
    store.flush();
    expect(store.trafficRows.value.filter((r) => r.kind === "group").map((r) => r.kind === "group" && r.updateId)).toEqual([1, 2, 1]);
  });

  it("starts each run with an empty log and totals, and drops the old run's queued events", () => {
    const { store } = manualStore();
    store.beginRun();
    store.ingest(storage("write", "1", 1));
    store.flush();
    store.ingest(storage("write", "2", 1)); // still queued when the new run starts
    store.beginRun();
    store.flush();
    expect(store.trafficRows.value).toEqual([]);
    expect(store.totals.value).toEqual({ read: 0, write: 0, delete: 0, other: 0 });
    expect(store.run.value).toMatchObject({ status: "starting", runNumber: 2 });
  });

  it("follows the run's life: ready means running; a rerun stop does not stop the new run; a watchdog stop names the update", () => {
    const { store } = manualStore();
    store.beginRun();
    store.ingest({ type: "started" });
    store.ingest({ type: "ready", durationMs: 5 });
    store.flush();
    expect(store.run.value.status).toBe("running");
    store.beginRun();
    store.ingest({ type: "stopped", reason: "rerun" });
    store.ingest({ type: "started" });
    store.flush();
    expect(store.run.value.status).toBe("starting");
    store.ingest({ type: "ready", durationMs: 5 });
    store.ingest({ type: "stopped", reason: "watchdog", updateId: 7 });
    store.flush();
    expect(store.run.value).toMatchObject({ status: "stopped", stop: { reason: "watchdog", updateId: 7 } });
  });

  it("builds the chat from updates and Bot API calls: replies, edits, deletions and button presses", () => {
    const { store } = manualStore();
    store.beginRun();
    const keyboard = [[{ text: "Add 🍕", callback_data: "add" }]];
    store.ingest({ type: "update-received", updateId: 1, update: textUpdate(1, "/start"), at: 0 });
    store.ingest(sent(1, botMessage(1001, "Pizzas: 0", keyboard), 1));
    store.ingest({
      type: "update-received",
      updateId: 2,
      at: 0,
      update: { update_id: 2, callback_query: { id: "q", from: ANA, chat_instance: "c", data: "add", message: botMessage(1001, "Pizzas: 0", keyboard) } },
    });
    store.ingest({ type: "api-call", callId: 2, method: "answerCallbackQuery", payload: { callback_query_id: "q", text: "Added" }, result: true, durationMs: 0 });
    store.ingest({
      type: "api-call",
      callId: 3,
      method: "editMessageText",
      payload: { chat_id: 424242, message_id: 1001, text: "Pizzas: 1" },
      result: botMessage(1001, "Pizzas: 1", keyboard),
      durationMs: 0,
    });
    store.ingest(sent(4, botMessage(1002, "bye")));
    store.ingest({ type: "api-call", callId: 5, method: "deleteMessage", payload: { chat_id: 424242, message_id: 1002 }, result: true, durationMs: 0 });
    store.flush();
    const view = store.chatEntries.value.map((e) =>
      e.kind === "user" ? `user ${e.text}` : e.kind === "bot" ? `bot ${e.text}${e.edited ? " (edited)" : ""}${e.deleted ? " (deleted)" : ""}` : `notice ${e.notice} ${e.text}`,
    );
    expect(view).toEqual(["user /start", "bot Pizzas: 1 (edited)", "notice pressed Add 🍕", "notice answer Added", "bot bye (deleted)"]);
    const bot = store.chatEntries.value[1];
    expect(bot.kind === "bot" && bot.keyboard).toEqual(keyboard);
    expect(store.botMessage(424242, 1001)?.text).toBe("Pizzas: 1");
  });

  it("keeps the chat across runs with a divider, and caps it", () => {
    const queued: (() => void)[] = [];
    const store = createPlaygroundStore({ schedule: (f) => queued.push(f), chatLimit: 10 });
    store.beginRun();
    for (let i = 1; i <= 25; i++) store.ingest({ type: "update-received", updateId: i, update: textUpdate(i, `m${i}`), at: 0 });
    store.flush();
    expect(store.chatEntries.value.length).toBe(10);
    expect(store.chatEntries.value[0]).toMatchObject({ kind: "user", text: "m16" });
    store.beginRun();
    expect(store.chatEntries.value.at(-1)).toMatchObject({ kind: "notice", notice: "restarted" });
  });

  it("rebuilds a memory storage's contents from its calls, per session middleware", () => {
    const { store } = manualStore();
    store.beginRun();
    [
      storage("read", "1", 1, { found: false }),
      storage("write", "1", 1, { value: { n: 1 }, after: { n: 1 } }),
      storage("write", "1", 1, { value: "x", after: "x", storageIndex: 1 }),
      storage("write", "2", 2, { value: { n: 5 }, after: { n: 5 } }),
      storage("delete", "2", 3),
      storage("write", "3", 3, { value: { n: 9 }, error: "QuotaExceededError" }),
    ].forEach((e) => store.ingest(e));
    store.flush();
    expect(store.memoryEntries.value).toEqual([
      { storageIndex: 0, key: "1", value: { n: 1 } },
      { storageIndex: 1, key: "1", value: "x" },
    ]);
  });

  it("keeps the storages the run uses, by index, for this run only, with the example it ran", () => {
    const { store, frame } = manualStore();
    store.example.value = "multi";
    store.beginRun();
    expect(store.ranExample.value).toBe("multi");
    store.ingest({ type: "storage-used", storage: { storageIndex: 1, kind: "memory", middleware: "session", fragment: "chat", default: true } });
    store.ingest({ type: "storage-used", storage: { storageIndex: 0, kind: "indexeddb", middleware: "session", fragment: "user", database: "db", store: "sessions" } });
    expect(store.storages.value).toEqual([]);
    frame();
    expect(store.storages.value.map((s) => `${s.storageIndex}:${s.kind}:${s.fragment}`)).toEqual(["0:indexeddb:user", "1:memory:chat"]);

    // A repeated index replaces the old entry rather than doubling the block.
    store.ingest({ type: "storage-used", storage: { storageIndex: 1, kind: "custom", middleware: "session", className: "X" } });
    frame();
    expect(store.storages.value.map((s) => `${s.storageIndex}:${s.kind}`)).toEqual(["0:indexeddb", "1:custom"]);

    // A new run starts with none, and queued events of the old one are dropped.
    store.ingest({ type: "storage-used", storage: { storageIndex: 2, kind: "memory", middleware: "session" } });
    store.example.value = "pizza";
    store.beginRun();
    frame();
    expect(store.storages.value).toEqual([]);
    expect(store.ranExample.value).toBe("pizza");
  });

  it("lists console output and errors with the user's line", () => {
    const { store } = manualStore();
    store.beginRun();
    store.ingest({ type: "console", level: "log", text: "hello", line: 3 });
    store.ingest({ type: "error", phase: "update", name: "TypeError", message: "x is undefined", line: 12, updateId: 4 });
    store.flush();
    expect(store.consoleEntries.value).toMatchObject([
      { kind: "console", text: "hello", line: 3 },
      { kind: "error", text: "TypeError: x is undefined", line: 12, updateId: 4 },
    ]);
  });

  it("records compile results: diagnostics on failure, and the run goes back to idle", () => {
    const { store } = manualStore();
    store.setCompiling();
    expect(store.run.value.status).toBe("compiling");
    const diagnostic = { message: "Expected ';'", line: 2, column: 5, severity: "error" as const };
    store.setCompiled({ ok: false, diagnostics: [diagnostic], durationMs: 3 });
    expect(store.compile.value).toMatchObject({ status: "failed", diagnostics: [diagnostic] });
    expect(store.run.value.status).toBe("idle");
  });

  // How fast is `npm run bench`'s to measure (its 10,000-call log); here, that the totals stay exact.
  it("counts 10,000 calls in one flush", () => {
    const { store } = manualStore();
    store.beginRun();
    for (let u = 0; u < 2_500; u++) {
      store.ingest({ type: "update-received", updateId: u, update: textUpdate(u, "🍕"), at: 0 });
      for (let i = 0; i < 4; i++) store.ingest(storage(i % 2 ? "write" : "read", String(u % 50), u, { value: { n: u }, after: { n: u } }));
    }
    store.flush();
    expect(store.totals.value).toMatchObject({ read: 5_000, write: 5_000 });
  });

  it("shows an update that never reached the bot as not delivered, whether it was already shown or not", () => {
    const { store } = manualStore();
    store.ingest({ type: "not-delivered", update: textUpdate(1, "🍕"), reason: "no-program" });
    store.flush();
    store.beginRun();
    store.ingest({ type: "update-received", updateId: 2, update: textUpdate(2, "hi"), at: 0 });
    store.ingest({ type: "not-delivered", update: textUpdate(2, "hi"), reason: "dropped", message: "below the offset" });
    store.flush();
    const users = store.chatEntries.value.filter((e) => e.kind === "user");
    expect(users.map((e) => [e.updateId, e.notDelivered])).toEqual([
      [1, "no-program"],
      [2, "dropped"],
    ]);
  });

  it("follows the bot's own state: stopped by grammY, started again", () => {
    const { store } = manualStore();
    store.beginRun();
    store.ingest({ type: "ready", durationMs: 1 });
    const error = { name: "TypeError", message: "initial is not a function", line: 4 };
    store.ingest({ type: "bot-stopped", updateId: 1, error });
    store.flush();
    expect(store.run.value.status).toBe("running");
    expect(store.run.value.botStopped).toEqual({ updateId: 1, error });
    store.ingest({ type: "bot-started" });
    store.flush();
    expect(store.run.value.botStopped).toBeUndefined();
  });

  it("records a load error's message and line when the program stops", () => {
    const { store } = manualStore();
    store.beginRun();
    store.ingest({ type: "started" });
    store.ingest({ type: "stopped", reason: "load-error", message: "ReferenceError: foo is not defined", line: 3 });
    store.flush();
    expect(store.run.value.status).toBe("stopped");
    expect(store.run.value.stop).toEqual({ reason: "load-error", message: "ReferenceError: foo is not defined", line: 3, updateId: undefined });
  });

  it("holds a waiting update until it is handled or the run stops", () => {
    const { store } = manualStore();
    store.beginRun();
    const waiting = { type: "update-waiting" as const, updateId: 1, waitedMs: 4200, queued: 1, lastCall: { op: "read" as const, key: "424242", storageIndex: 0 } };
    store.ingest(waiting);
    store.flush();
    expect(store.waiting.value).toEqual(waiting);
    store.ingest({ type: "update-handled", updateId: 2, durationMs: 1 });
    store.flush();
    expect(store.waiting.value).toEqual(waiting);
    store.ingest({ type: "update-handled", updateId: 1, durationMs: 5000 });
    store.flush();
    expect(store.waiting.value).toBeUndefined();
    store.ingest(waiting);
    store.ingest({ type: "stopped", reason: "user" });
    store.flush();
    expect(store.waiting.value).toBeUndefined();
  });
});
