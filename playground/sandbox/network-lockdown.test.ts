import { describe, expect, it } from "vitest";
import { BLOCKED_GLOBALS, lockDownNetwork } from "./network-lockdown";

/** A global object shaped like a worker's: some APIs on the instance, some on prototypes. */
function fakeWorkerScope() {
  const realFetch = () => Promise.resolve("network!");
  class WorkerGlobalScope {}
  Object.assign(WorkerGlobalScope.prototype, { fetch: realFetch, importScripts: () => "loaded" });
  class DedicatedWorkerGlobalScope extends WorkerGlobalScope {}
  const scope = new DedicatedWorkerGlobalScope() as Record<string, unknown>;
  class WebSocket {}
  class Navigator {}
  Object.assign(Navigator.prototype, { sendBeacon: () => true });
  Object.assign(scope, { WebSocket, XMLHttpRequest: class {}, navigator: new Navigator(), caches: { add: () => "fetched" } });
  return { scope, WorkerGlobalScope, realFetch };
}

describe("lockDownNetwork", () => {
  it("makes fetch reject with a clear message, on the global and on its prototypes", async () => {
    const { scope, WorkerGlobalScope, realFetch } = fakeWorkerScope();
    lockDownNetwork(scope);
    const fetch = scope.fetch as (url: string) => Promise<unknown>;
    await expect(fetch("https://api.telegram.org")).rejects.toThrow(
      new TypeError("The playground sandbox has no network: fetch(...) is not available"),
    );
    expect((WorkerGlobalScope.prototype as Record<string, unknown>).fetch).not.toBe(realFetch);
    expect(Object.getPrototypeOf(scope).fetch).toBe(scope.fetch);
  });

  it("makes constructors and importScripts throw", () => {
    const { scope } = fakeWorkerScope();
    lockDownNetwork(scope);
    const WebSocket = scope.WebSocket as new (url: string) => unknown;
    expect(() => new WebSocket("wss://example.com")).toThrow("The playground sandbox has no network: new WebSocket(...) is not available");
    const XHR = scope.XMLHttpRequest as new () => unknown;
    expect(() => new XHR()).toThrow("new XMLHttpRequest(...) is not available");
    expect(() => (scope.importScripts as (u: string) => void)("https://x")).toThrow("importScripts(...) is not available");
    const EventSource = scope.EventSource as new (u: string) => unknown;
    expect(() => new EventSource("x")).toThrow("new EventSource(...) is not available");
    expect(() => (scope.navigator as { sendBeacon(u: string): void }).sendBeacon("x")).toThrow("navigator.sendBeacon(...) is not available");
    expect(() => scope.caches).toThrow("The playground sandbox has no network: caches is not available");
  });

  it("cannot be undone by user code", () => {
    const { scope } = fakeWorkerScope();
    lockDownNetwork(scope);
    const blocked = scope.fetch;
    expect(() => delete scope.fetch).toThrow(TypeError);
    expect(() => (scope.fetch = () => "mine")).toThrow(TypeError);
    expect(() => Object.defineProperty(scope, "fetch", { value: () => "mine" })).toThrow(TypeError);
    expect(scope.fetch).toBe(blocked);
    for (const name of BLOCKED_GLOBALS) expect(Object.getOwnPropertyDescriptor(scope, name)?.configurable).toBe(false);
  });
});
