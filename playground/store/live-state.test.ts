import { describe, expect, it } from "vitest";
import type { SandboxEvent } from "../protocol";
import { createPlaygroundStore } from "./playground-store";

type ApiCall = Extract<SandboxEvent, { type: "api-call" }>;
let callId = 0;
const call = (method: string, extra: Partial<ApiCall> = {}): ApiCall => ({ type: "api-call", callId: ++callId, method, payload: {}, durationMs: 1, ...extra });

function liveStore(live = true) {
  const store = createPlaygroundStore({ schedule: () => {} });
  store.beginRun(live);
  return store;
}

describe("the store's live state", () => {
  it("names the bot getMe answered with, in a live run", () => {
    const store = liveStore();
    store.ingest(call("getMe", { result: { id: 1, is_bot: true, first_name: "Pizza", username: "pizza_bot" } }));
    store.flush();
    expect(store.live.value).toMatchObject({ running: true, bot: { username: "pizza_bot", firstName: "Pizza" } });
  });

  it("keeps a lasting problem (401, 409) until the next run, and clears a passing one (429, no answer) when a call succeeds", () => {
    const store = liveStore();
    store.ingest(call("getMe", { error: { error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 } }));
    store.flush();
    expect(store.live.value.problem).toEqual({ kind: "flood", method: "getMe", retryAfter: 7 });
    store.ingest(call("getMe", { result: { id: 1, is_bot: true, first_name: "Pizza" } }));
    store.flush();
    expect(store.live.value.problem).toBeUndefined();

    store.ingest({ type: "api-unreachable", method: "getUpdates", message: "Network request for 'getUpdates' failed!" });
    store.flush();
    expect(store.live.value.problem).toEqual({ kind: "unreachable", method: "getUpdates" });
    store.ingest(call("getUpdates", { error: { error_code: 409, description: "Conflict: terminated by other getUpdates request" } }));
    store.ingest(call("getUpdates", { result: [] }));
    store.flush();
    expect(store.live.value.problem).toEqual({ kind: "conflict-poller" });

    store.beginRun(true);
    expect(store.live.value.problem).toBeUndefined();
  });

  it("tells a webhook conflict, a wrong token and a missing server path apart; a chat's own 400 is no live problem", () => {
    const store = liveStore();
    store.ingest(call("sendMessage", { error: { error_code: 400, description: "Bad Request: chat not found" } }));
    store.flush();
    expect(store.live.value.problem).toBeUndefined();
    store.ingest(call("getMe", { error: { error_code: 404, description: "Not Found" } }));
    store.flush();
    expect(store.live.value.problem).toEqual({ kind: "not-found" });
    store.beginRun(true);
    store.ingest(call("getUpdates", { error: { error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" } }));
    store.flush();
    expect(store.live.value.problem).toEqual({ kind: "conflict-webhook" });
    store.beginRun(true);
    store.ingest(call("getMe", { error: { error_code: 401, description: "Unauthorized" } }));
    store.flush();
    expect(store.live.value.problem).toEqual({ kind: "unauthorized" });
  });

  it("notes nothing in a simulated run", () => {
    const store = liveStore(false);
    store.ingest(call("getMe", { error: { error_code: 401, description: "Unauthorized" } }));
    store.flush();
    expect(store.live.value).toMatchObject({ running: false, problem: undefined, bot: undefined });
  });
});
