import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { messagesFor } from "../i18n";
import type { StorageOpEvent } from "../protocol";
import { createPlaygroundStore } from "../store";
import { AnnounceThrottle, type ThrottleClock } from "./announce-throttle";
import { HandledUpdates, type HandledBatch } from "./handled-updates";
import { announcementText } from "./update-announcement";

const ANA = { id: 424242, is_bot: false, first_name: "Ana" };
const chat = { id: 424242, type: "private" as const, first_name: "Ana" };
const update = (updateId: number): Update => ({ update_id: updateId, message: { message_id: updateId, date: 0, chat, from: ANA, text: "🍕" } });
let nextId = 1;
const call = (op: StorageOpEvent["op"], updateId: number | undefined): StorageOpEvent => ({
  type: "storage",
  id: nextId++,
  op,
  key: "424242",
  startedAt: 0,
  durationMs: 0.5,
  storageIndex: 0,
  updateId,
});

/** A store fed by hand, with a tracker looking at it after every frame, as the traffic log does. */
function setup() {
  const queued: (() => void)[] = [];
  const store = createPlaygroundStore({ schedule: (flush) => queued.push(flush) });
  const tracker = new HandledUpdates();
  store.beginRun();
  const frame = () => {
    queued.splice(0).forEach((flush) => flush());
    return tracker.collect(store.trafficRows.value, store.handled.value, store.lastHandledUpdateId.value, store.failedUpdates());
  };
  const handleUpdate = (id: number, ops: StorageOpEvent["op"][], error?: string) => {
    store.ingest({ type: "update-received", updateId: id, update: update(id), at: 0 });
    for (const op of ops) store.ingest(call(op, id));
    store.ingest({ type: "update-handled", updateId: id, durationMs: 1, error });
  };
  return { store, tracker, frame, handleUpdate };
}

const en = messagesFor("en");
const es = messagesFor("es");

describe("handled updates for the screen reader", () => {
  it("says nothing while an update is in progress, then its calls once it is handled", () => {
    const { store, frame } = setup();
    store.ingest({ type: "update-received", updateId: 3, update: update(3), at: 0 });
    store.ingest(call("read", 3));
    expect(frame()).toBeUndefined();
    store.ingest(call("write", 3));
    store.ingest({ type: "update-handled", updateId: 3, durationMs: 2 });
    const batch = frame()!;
    expect(announcementText(en, batch)).toBe("Update 3: 1 read, 1 write");
    expect(announcementText(es, batch)).toBe("Actualización 3: 1 lectura, 1 escritura");
    // Nothing new: nothing to say.
    expect(frame()).toBeUndefined();
  });

  it("names an update that made no storage call, and one whose handler threw", () => {
    const { frame, handleUpdate } = setup();
    handleUpdate(1, []);
    expect(announcementText(en, frame()!)).toBe("Update 1: no storage calls");
    handleUpdate(2, ["read"], "boom");
    const failed = frame()!;
    expect(announcementText(en, failed)).toBe("Update 2: 1 read (handler threw: nothing written back)");
    expect(announcementText(es, failed)).toBe("Actualización 2: 1 lectura (un manejador lanzó un error: no se guardó nada)");
  });

  it("merges updates handled in the same frame into one sentence", () => {
    const { frame, handleUpdate } = setup();
    handleUpdate(4, ["read", "write"]);
    handleUpdate(5, []);
    handleUpdate(6, ["read", "write", "delete"]);
    const batch = frame()!;
    expect(batch.count).toBe(3);
    expect(announcementText(en, batch)).toBe("3 updates handled, up to update 6: 2 reads, 2 writes, 1 delete");
    expect(announcementText(es, batch)).toBe("3 actualizaciones atendidas, hasta la 6: 2 lecturas, 2 escrituras, 1 borrado");
  });

  it("does not count calls made outside an update, and starts over with a new run", () => {
    const { store, frame, handleUpdate } = setup();
    store.ingest(call("readAllKeys", undefined));
    handleUpdate(1, ["read", "has"]);
    expect(announcementText(en, frame()!)).toBe("Update 1: 1 read, 1 other call");
    store.beginRun();
    handleUpdate(1, ["read", "write"]);
    expect(announcementText(en, frame()!)).toBe("Update 1: 1 read, 1 write");
  });
});

describe("announcement throttle", () => {
  function fakeClock() {
    let now = 0;
    const timers: { at: number; run: () => void }[] = [];
    const clock: ThrottleClock = {
      now: () => now,
      setTimeout: (run, ms) => timers.push({ at: now + ms, run }) - 1,
      clearTimeout: (handle) => timers.splice(handle as number, 1),
    };
    const advance = (ms: number) => {
      now += ms;
      for (const timer of timers.splice(0).filter((entry) => entry.at <= now)) timer.run();
    };
    return { clock, advance };
  }
  const batch = (id: number, reads: number): HandledBatch => ({ count: 1, lastId: id, counts: { read: reads, write: 0, delete: 0, other: 0 }, failed: 0 });

  it("speaks the first batch at once and merges a burst into the next sentence", () => {
    const { clock, advance } = fakeClock();
    const said: string[] = [];
    const throttle = new AnnounceThrottle((b) => said.push(announcementText(en, b)), 1_000, clock);
    throttle.push({ ...batch(1, 1), single: { updateId: 1, counts: batch(1, 1).counts, failed: false } });
    expect(said).toEqual(["Update 1: 1 read"]);
    for (let id = 2; id <= 40; id++) throttle.push(batch(id, 1));
    expect(said).toHaveLength(1);
    advance(1_000);
    expect(said).toEqual(["Update 1: 1 read", "39 updates handled, up to update 40: 39 reads"]);
  });

  it("drops what waits when cancelled", () => {
    const { clock, advance } = fakeClock();
    const said: HandledBatch[] = [];
    const throttle = new AnnounceThrottle((b) => said.push(b), 1_000, clock);
    throttle.push(batch(1, 1));
    throttle.push(batch(2, 1));
    throttle.cancel();
    advance(2_000);
    expect(said).toHaveLength(1);
  });
});
