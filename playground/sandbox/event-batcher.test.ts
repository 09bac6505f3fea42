import { describe, expect, it } from "vitest";
import type { SandboxBatch, SandboxEvent } from "../protocol";
import { EventBatcher } from "./event-batcher";

const storage = (id: number): SandboxEvent => ({ type: "storage", id, op: "read", key: "1", startedAt: 0, durationMs: 0, storageIndex: 0 });
const handled = (updateId: number): SandboxEvent => ({ type: "update-handled", updateId, durationMs: 1 });
const log = (text: string): SandboxEvent => ({ type: "console", level: "log", text });

function setUp() {
  const sent: SandboxBatch[] = [];
  const pending: (() => void)[] = [];
  const batcher = new EventBatcher((batch) => sent.push(batch), (flush) => pending.push(flush));
  const endOfMicrotask = () => pending.splice(0).forEach((flush) => flush());
  return { sent, pending, batcher, endOfMicrotask };
}

describe("EventBatcher", () => {
  it("sends a task's storage calls and handled updates together, once, at the end of the microtask", () => {
    const { sent, pending, batcher, endOfMicrotask } = setUp();
    batcher.add(storage(1));
    batcher.add(storage(2));
    batcher.add(handled(7));
    expect(sent).toEqual([]);
    expect(pending).toHaveLength(1);
    endOfMicrotask();
    expect(sent).toEqual([[storage(1), storage(2), handled(7)]]);
  });

  it("sends any other event at once, after what was queued before it, so a loop that follows cannot keep it back", () => {
    const { sent, batcher, endOfMicrotask } = setUp();
    batcher.add(storage(1));
    batcher.add(log("about to loop"));
    expect(sent).toEqual([[storage(1), log("about to loop")]]);
    // The flush that was scheduled finds nothing left and sends nothing.
    endOfMicrotask();
    expect(sent).toHaveLength(1);
  });

  it("an update the bot receives leaves at once: a runaway loop is named after it", () => {
    const { sent, batcher } = setUp();
    const ana = { id: 1, is_bot: false, first_name: "Ana" };
    const update = { update_id: 3, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" as const, first_name: "Ana" }, from: ana, text: "hi" } };
    batcher.add({ type: "update-received", updateId: 3, update, at: 0 });
    expect(sent).toEqual([[{ type: "update-received", updateId: 3, update, at: 0 }]]);
  });

  it("schedules a new flush for events that come after one was sent", () => {
    const { sent, batcher, endOfMicrotask } = setUp();
    batcher.add(storage(1));
    endOfMicrotask();
    batcher.add(storage(2));
    endOfMicrotask();
    expect(sent).toEqual([[storage(1)], [storage(2)]]);
  });
});
