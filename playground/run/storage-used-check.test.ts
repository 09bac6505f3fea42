import { describe, expect, it } from "vitest";
import { checkStorageUsed } from "./storage-used-check";

const event = (storage: unknown) => ({ type: "storage-used", storage });

describe("checking a storage-used event on the page", () => {
  it("accepts each kind with its fields, and keeps only the fields the protocol has", () => {
    expect(checkStorageUsed(event({ storageIndex: 0, kind: "memory", middleware: "session", default: true, fragment: "chat" }))).toEqual({
      ok: true,
      storage: { storageIndex: 0, kind: "memory", middleware: "session", default: true, fragment: "chat" },
    });
    expect(checkStorageUsed(event({ storageIndex: 3, kind: "indexeddb", middleware: "lazySession", database: "d", store: "s", enhanced: true, onclick: "x" }))).toEqual({
      ok: true,
      storage: { storageIndex: 3, kind: "indexeddb", middleware: "lazySession", database: "d", store: "s", enhanced: true },
    });
    expect(checkStorageUsed(event({ storageIndex: 1, kind: "custom", middleware: "session", className: "RedisAdapter", default: false }))).toEqual({
      ok: true,
      storage: { storageIndex: 1, kind: "custom", middleware: "session", className: "RedisAdapter" },
    });
  });

  it.each([
    ["no storage", { type: "storage-used" }, "storage is not an object"],
    ["a fractional index", event({ storageIndex: 1.5, kind: "memory", middleware: "session" }), "storageIndex"],
    ["an unknown kind", event({ storageIndex: 0, kind: "redis", middleware: "session" }), "kind"],
    ["an unknown middleware", event({ storageIndex: 0, kind: "memory", middleware: "multi" }), "middleware"],
    ["a name that is not a string", event({ storageIndex: 0, kind: "memory", middleware: "session", fragment: 7 }), "fragment"],
    ["a name far too long", event({ storageIndex: 0, kind: "custom", middleware: "session", className: "x".repeat(201) }), "className"],
    ["a flag that is not a boolean", event({ storageIndex: 0, kind: "memory", middleware: "session", enhanced: "yes" }), "enhanced"],
    ["IndexedDB without its store", event({ storageIndex: 0, kind: "indexeddb", middleware: "session", database: "d" }), "database and store"],
    ["another event", { type: "storage", storage: {} }, "not a storage-used event"],
  ])("refuses %s", (_name, value, reason) => {
    const result = checkStorageUsed(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
