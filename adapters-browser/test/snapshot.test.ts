import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapshot } from "../src/snapshot.js";

// snapshot() is internal to observeStorage; its promise is "what structuredClone would give",
// reached by a faster path for plain data.
describe("snapshot", () => {
  it("equals structuredClone for any cloneable value", () => {
    const cloneable = fc.anything({
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
      withBigInt: true,
      withBoxedValues: true,
      maxDepth: 5,
    });
    fc.assert(
      fc.property(cloneable, (value) => {
        const copy = snapshot(value);
        expect(copy).toStrictEqual(structuredClone(value));
        if (typeof value === "object" && value !== null) expect(copy).not.toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a key named __proto__ as data, not as the prototype", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = snapshot(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("keeps cycles and handles heavily shared data without blowing up", () => {
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    const copy = snapshot(cyclic) as Record<string, unknown>;
    expect(copy.self).toBe(copy);
    // 2^40 paths through 40 shared nodes: a naive recursive copy would never finish.
    let node: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 40; i++) node = { left: node, right: node };
    const started = Date.now();
    let shared = snapshot(node) as Record<string, unknown>;
    expect(Date.now() - started).toBeLessThan(1000);
    for (let i = 0; i < 40; i++) {
      expect(shared.left).toBe(shared.right); // went to structuredClone, which keeps sharing
      shared = shared.left as Record<string, unknown>;
    }
    expect(shared).toEqual({ leaf: true });
    const deep: unknown[] = [];
    let cursor = deep;
    for (let i = 0; i < 100; i++) cursor.push((cursor = []));
    expect(snapshot(deep)).toEqual(deep);
  });

  it("copies class instances the way structuredClone does: as plain objects", () => {
    class Order {
      constructor(public pizza: string) {}
    }
    const copy = snapshot({ order: new Order("funghi") });
    expect(copy).toStrictEqual(structuredClone({ order: new Order("funghi") }));
    expect(Object.getPrototypeOf((copy as { order: object }).order)).toBe(Object.prototype);
  });
});
