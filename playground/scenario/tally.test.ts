import { describe, expect, it } from "vitest";
import type { SandboxEvent, StorageOpEvent } from "../protocol";
import { compareTallies, jsonBytes, tallyStorage } from "./tally";
import { verdictOf } from "./verdict";

let nextId = 0;
function op(fields: Partial<StorageOpEvent> & Pick<StorageOpEvent, "op">): StorageOpEvent {
  return { type: "storage", id: ++nextId, startedAt: 0, durationMs: 1, storageIndex: 0, ...fields };
}

describe("tallyStorage", () => {
  it("puts each call in its update's lane, in the order calls started, and counts them", () => {
    const read = op({ op: "read", key: "-100", found: false, updateId: 1 });
    const write = op({ op: "write", key: "-100", value: { pizzaCount: 0 }, updateId: 1 });
    const read2 = op({ op: "read", key: "-100", found: true, value: { pizzaCount: 0 }, updateId: 3 });
    const del = op({ op: "delete", key: "-100", updateId: 3 });
    const events: SandboxEvent[] = [
      { type: "update-received", updateId: 1, update: { update_id: 1 }, at: 0 },
      // Reported when they finish: the write before the read it followed is possible with slow reads.
      write,
      read,
      { type: "console", level: "log", text: "not a storage event" },
      del,
      read2,
    ];
    const tally = tallyStorage(events, [1, 2, 3]);
    expect(tally.lanes).toEqual([
      {
        updateId: 1,
        ops: [
          { id: read.id, op: "read", key: "-100", found: false, bytes: 0 },
          { id: write.id, op: "write", key: "-100", bytes: '{"pizzaCount":0}'.length },
        ],
      },
      { updateId: 2, ops: [] },
      {
        updateId: 3,
        ops: [
          { id: read2.id, op: "read", key: "-100", found: true, bytes: 0 },
          { id: del.id, op: "delete", key: "-100", bytes: 0 },
        ],
      },
    ]);
    expect(tally.totals).toEqual({ reads: 2, writes: 1, deletes: 1, other: 0, calls: 4, failed: 0, bytesWritten: 16 });
  });

  it("keeps calls outside the listed updates in a last lane, and counts the other kinds of call", () => {
    const boot = op({ op: "readAllKeys" });
    const stray = op({ op: "has", key: "x", found: true, updateId: 99 });
    const tally = tallyStorage([stray, boot], [1]);
    expect(tally.lanes).toEqual([
      { updateId: 1, ops: [] },
      { updateId: undefined, ops: [{ id: boot.id, op: "readAllKeys", bytes: 0 }, { id: stray.id, op: "has", key: "x", found: true, bytes: 0 }] },
    ]);
    expect(tally.totals).toMatchObject({ other: 2, calls: 2 });
  });

  it("counts failed calls, without bytes for writes that did not happen", () => {
    const failed = op({ op: "write", key: "k", value: { big: "x".repeat(50) }, error: "QuotaExceededError", updateId: 1 });
    const tally = tallyStorage([failed], [1]);
    expect(tally.lanes[0].ops).toEqual([{ id: failed.id, op: "write", key: "k", bytes: 0, error: "QuotaExceededError" }]);
    expect(tally.totals).toMatchObject({ writes: 1, calls: 1, failed: 1, bytesWritten: 0 });
  });

  it("can count one storage of several", () => {
    const first = op({ op: "read", key: "a", found: false, updateId: 1, storageIndex: 0 });
    const second = op({ op: "read", key: "a", found: false, updateId: 1, storageIndex: 1 });
    expect(tallyStorage([first, second], [1], { storageIndex: 1 }).lanes[0].ops.map((o) => o.id)).toEqual([second.id]);
    expect(tallyStorage([first, second], [1]).totals.reads).toBe(2);
  });
});

describe("jsonBytes", () => {
  it("measures JSON in UTF-8 bytes", () => {
    expect(jsonBytes({ a: 1 })).toBe(7);
    expect(jsonBytes("é")).toBe(4); // two quotes, two bytes
    expect(jsonBytes("🍕")).toBe(6);
    expect(jsonBytes(undefined)).toBe(0);
  });
});

describe("compareTallies", () => {
  it("pairs lanes by update, and lists updates only one side saw", () => {
    const a = tallyStorage([op({ op: "read", key: "k", found: false, updateId: 1 })], [1, 2]);
    const b = tallyStorage([op({ op: "read", key: "k", found: false, updateId: 3 })], [1, 3]);
    const comparison = compareTallies({ label: { en: "a", es: "a" }, tally: a }, { label: { en: "b", es: "b" }, tally: b });
    expect(comparison.rows.map((r) => [r.updateId, r.base.length, r.other.length])).toEqual([
      [1, 1, 0],
      [2, 0, 0],
      [3, 0, 1],
    ]);
    expect(comparison.difference).toEqual({ reads: 0, writes: 0, deletes: 0, other: 0, calls: 0, failed: 0, bytesWritten: 0 });
  });
});

describe("verdictOf", () => {
  const strict = { en: "strict", es: "la sesión estricta" };
  const lazy = { en: "lazy", es: "la sesión perezosa" };

  it("says how many calls the other side saved, and the bytes when they differ", () => {
    expect(verdictOf(strict, { calls: 15, bytesWritten: 80 }, lazy, { calls: 9, bytesWritten: 80 })).toEqual({
      en: "Lazy saved 6 of 15 storage calls.",
      es: "La sesión perezosa ahorró 6 de 15 llamadas al almacenamiento.",
    });
    expect(verdictOf(strict, { calls: 1, bytesWritten: 2 }, lazy, { calls: 0, bytesWritten: 1 })).toEqual({
      en: "Lazy saved 1 of 1 storage call. Lazy wrote 1 fewer byte: 1 instead of 2.",
      es: "La sesión perezosa ahorró 1 de 1 llamada al almacenamiento. La sesión perezosa escribió 1 byte menos: 1 en vez de 2.",
    });
  });

  it("says how many more calls it made, or that both made as many, or none", () => {
    const chat = { en: "the per-chat key", es: "la clave por chat" };
    const user = { en: "the per-user key", es: "la clave por usuario" };
    expect(verdictOf(chat, { calls: 12, bytesWritten: 80 }, user, { calls: 16, bytesWritten: 10_000 })).toEqual({
      en: "The per-user key made 4 more storage calls than the per-chat key: 16 instead of 12. The per-user key wrote 9,920 more bytes: 10,000 instead of 80.",
      es: "La clave por usuario hizo 4 llamadas más al almacenamiento que la clave por chat: 16 en vez de 12. La clave por usuario escribió 9920 bytes más: 10.000 en vez de 80.",
    });
    expect(verdictOf(strict, { calls: 12, bytesWritten: 96 }, lazy, { calls: 12, bytesWritten: 96 })).toEqual({
      en: "Lazy and strict made the same number of storage calls: 12.",
      es: "La sesión perezosa y la sesión estricta hicieron las mismas llamadas al almacenamiento: 12.",
    });
    expect(verdictOf(strict, { calls: 0, bytesWritten: 0 }, lazy, { calls: 0, bytesWritten: 0 })).toEqual({
      en: "Neither strict nor lazy called the storage.",
      es: "Ni la sesión estricta ni la sesión perezosa llamaron al almacenamiento.",
    });
  });
});
