import { describe, expect, it } from "vitest";
import { depthOf, MAX_COPY_DEPTH, readDeeperLevels } from "@session-lab/adapters-browser";
import { postCloneable, toCloneable } from "./cloneable";

describe("postCloneable", () => {
  it("posts cloneable events unchanged", () => {
    const posted: unknown[] = [];
    const event = { type: "storage", value: { when: new Date(0), tags: new Set(["a"]) } };
    postCloneable((m) => posted.push(structuredClone(m)), event);
    expect(posted).toEqual([event]);
  });

  it("falls back to a copy with descriptions when structured clone refuses", () => {
    const posted: unknown[] = [];
    const session: Record<string, unknown> = { count: 1, greet() {}, tag: Symbol("t") };
    session.self = session;
    postCloneable((m) => posted.push(structuredClone(m)), { type: "api-call", payload: { session, list: [() => 1] } });
    const copy = posted[0] as { payload: { session: Record<string, unknown>; list: unknown[] } };
    expect(copy.payload.session.count).toBe(1);
    expect(copy.payload.session.greet).toBe("[Function greet]");
    expect(copy.payload.session.tag).toBe("Symbol(t)");
    expect(copy.payload.session.self).toBe(copy.payload.session);
    expect(copy.payload.list).toEqual(["[Function]"]);
  });

  it("rethrows errors that are not about cloning", () => {
    expect(() =>
      postCloneable(() => {
        throw new Error("port closed");
      }, {}),
    ).toThrow("port closed");
  });

  it("keeps what structured clone copies by itself as it is, and copies only around it", () => {
    const at = new Date(0);
    const photo = new Uint8Array([1, 2]);
    const copy = toCloneable({ at, photo, greet() {} }) as Record<string, unknown>;
    expect(copy.at).toBe(at);
    expect(copy.photo).toBe(photo);
    expect(copy.greet).toBe("[Function greet]");
  });

  it("keeps errors readable", () => {
    expect(toCloneable(new RangeError("r"))).toMatchObject({ name: "RangeError", message: "r" });
  });

  it("posts a 3,000-deep value as 64 levels and a count of the rest, without a RangeError", () => {
    let value: unknown = { leaf: 1 };
    for (let i = 0; i < 2999; i++) value = { a: value };
    const posted: unknown[] = [];
    // structuredClone overflows the stack on this value, as postMessage does in a worker.
    postCloneable((m) => posted.push(structuredClone(m)), { type: "storage", id: 7, value });
    const event = posted[0] as { type: string; id: number; value: Record<string, unknown> };
    expect(event).toMatchObject({ type: "storage", id: 7 });
    // The event is the first of the 64 levels, the value's outermost object the second.
    let level = event.value;
    for (let i = 2; i < MAX_COPY_DEPTH; i++) level = level.a as Record<string, unknown>;
    expect(readDeeperLevels(level.a)).toBe(3001 - MAX_COPY_DEPTH);
    expect(depthOf(event.value)).toBe(3000);
  });

  it("never loses the event: a value whose getters throw becomes a placeholder", () => {
    const hostile = new Proxy({}, {
      ownKeys() {
        throw new Error("no keys for you");
      },
    });
    const withGetter = Object.defineProperty({}, "boom", {
      enumerable: true,
      get() {
        throw new TypeError("getter");
      },
    });
    const posted: unknown[] = [];
    postCloneable((m) => posted.push(structuredClone(m)), { type: "api-call", id: 1, payload: hostile, other: withGetter });
    expect(posted[0]).toEqual({
      type: "api-call",
      id: 1,
      payload: "[value that could not be sent: Error: no keys for you]",
      other: { boom: "[value that could not be sent: TypeError: getter]" },
    });
  });
});
