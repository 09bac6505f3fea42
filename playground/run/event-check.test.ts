import { describe, expect, it } from "vitest";
import { checkEvent } from "./event-check";

describe("checkEvent", () => {
  it("passes well-formed events of every kind the sandbox sends", () => {
    const events = [
      { type: "ready", durationMs: 3 },
      { type: "pong", seq: 1 },
      { type: "storage", id: 1, op: "write", key: "1", startedAt: 0, durationMs: 1, storageIndex: 0, updateId: 4 },
      { type: "api-call", callId: 1, method: "sendMessage", payload: { text: "hi" }, durationMs: 0 },
      { type: "console-skipped", count: 12 },
      { type: "error", phase: "update", name: "TypeError", message: "x", line: 3 },
    ];
    for (const event of events) expect(checkEvent(event)).toEqual({ ok: true, event });
  });

  it("refuses the runner's own events, unknown types and fields of the wrong kind, saying why", () => {
    expect(checkEvent({ type: "stopped", reason: "user" })).toEqual({ ok: false, reason: '"stopped" is not an event the sandbox may send' });
    expect(checkEvent({ type: "started" })).toMatchObject({ ok: false });
    expect(checkEvent("ready")).toEqual({ ok: false, reason: "it is not an object" });
    expect(checkEvent({ type: "update-handled", updateId: "1", durationMs: 1 })).toEqual({ ok: false, reason: "update-handled.updateId is not a number" });
    expect(checkEvent({ type: "console", level: "shout", text: "x" })).toEqual({
      ok: false,
      reason: "console.level is not one of log, info, warn, error, debug",
    });
    expect(checkEvent({ type: "console", level: "log", text: "x", line: "7" })).toEqual({ ok: false, reason: "console.line is not a number" });
  });

  it("checks storage-used events to the field and keeps only the known ones", () => {
    const storage = { storageIndex: 0, kind: "memory", middleware: "session", extra: "<b>" };
    expect(checkEvent({ type: "storage-used", storage })).toEqual({
      ok: true,
      event: { type: "storage-used", storage: { storageIndex: 0, kind: "memory", middleware: "session" } },
    });
  });
});
