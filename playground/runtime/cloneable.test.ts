import { describe, expect, it } from "vitest";
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

  it("keeps errors readable", () => {
    expect(toCloneable(new RangeError("r"))).toMatchObject({ name: "RangeError", message: "r" });
  });
});
