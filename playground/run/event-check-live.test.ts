import { describe, expect, it } from "vitest";
import { checkEvent } from "./event-check";

describe("the page's check of live mode's events", () => {
  it("takes api-unreachable and polling-stopped of the right shape", () => {
    expect(checkEvent({ type: "api-unreachable", method: "getMe", message: "Network request for 'getMe' failed!" }).ok).toBe(true);
    expect(checkEvent({ type: "api-unreachable", method: "getUpdates", message: "x", updateId: 3 }).ok).toBe(true);
    expect(checkEvent({ type: "polling-stopped" }).ok).toBe(true);
    expect(checkEvent({ type: "api-call", callId: 1, method: "getMe", payload: {}, durationMs: 1, error: { error_code: 429, description: "Too Many Requests", retry_after: 3 } }).ok).toBe(true);
  });

  it("refuses them with fields of the wrong kind", () => {
    expect(checkEvent({ type: "api-unreachable", method: 1, message: "x" })).toEqual({ ok: false, reason: "api-unreachable.method is not a string" });
    expect(checkEvent({ type: "api-unreachable", method: "getMe" })).toEqual({ ok: false, reason: "api-unreachable.message is not a string" });
    expect(checkEvent({ type: "api-unreachable", method: "getMe", message: "x", updateId: "3" })).toEqual({ ok: false, reason: "api-unreachable.updateId is not a number" });
  });
});
