import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deeperLevels, depthOf, MAX_COPY_DEPTH, readDeeperLevels } from "../src/depth.js";
import { snapshot } from "../src/snapshot.js";
import { cloneableValues } from "./cloneable-values.js";

// snapshot() is internal to observeStorage; its promise is "what structuredClone would give",
// reached by a faster path for plain data.
describe("snapshot", () => {
  it("equals structuredClone for any cloneable value", () => {
    fc.assert(
      fc.property(cloneableValues({ holes: true }), (value) => {
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
    // 2^40 paths through 40 shared nodes: a naive recursive copy would never finish (the test's timeout says so).
    let node: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 40; i++) node = { left: node, right: node };
    let shared = snapshot(node) as Record<string, unknown>;
    for (let i = 0; i < 40; i++) {
      expect(shared.left).toBe(shared.right); // went to structuredClone, which keeps sharing
      shared = shared.left as Record<string, unknown>;
    }
    expect(shared).toEqual({ leaf: true });
    const deep: unknown[] = [];
    let cursor = deep;
    // Deeper than the fast path's 32 levels, within the 64 a copy keeps.
    for (let i = 0; i < 60; i++) cursor.push((cursor = []));
    expect(snapshot(deep)).toEqual(deep);
  });

  it("keeps 64 levels of a value 3,000 deep and says how many more there were, without overflowing", () => {
    let chain: unknown = { leaf: 1 };
    for (let i = 0; i < 2999; i++) chain = { a: chain };
    let copy = snapshot(chain) as Record<string, unknown>;
    for (let level = 1; level < MAX_COPY_DEPTH; level++) copy = copy.a as Record<string, unknown>;
    expect(copy.a).toBe(deeperLevels(3000 - MAX_COPY_DEPTH));
    expect(readDeeperLevels(copy.a)).toBe(2936);
    expect(depthOf(snapshot(chain))).toBe(3000);
  });

  it("cuts deep values that are not plain data too: cycles, functions, class instances, Maps", () => {
    class Node {
      constructor(public next: unknown) {}
    }
    let chain: unknown = { greet() {} };
    for (let i = 0; i < 5000; i++) chain = i % 3 === 0 ? new Node(chain) : i % 3 === 1 ? new Map([["m", chain]]) : [chain];
    const holder: Record<string, unknown> = { chain };
    holder.self = holder;
    const copy = snapshot(holder) as Record<string, unknown>;
    expect(copy.self).toBe(copy);
    expect(depthOf(copy)).toBe(5002);
    expect(JSON.stringify([...walk(copy.chain)].slice(-1))).toMatch(/more levels/);
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

/** The values along the first child of each level, down to the first that is not an object. */
function* walk(value: unknown): Generator<unknown> {
  while (typeof value === "object" && value !== null) {
    yield value;
    value = value instanceof Map ? [...value.values()][0] : Array.isArray(value) ? value[0] : Object.values(value)[0];
  }
  yield value;
}
