import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deeperLevels, depthOf, MAX_COPY_DEPTH, readDeeperLevels } from "../src/depth.js";
import { copyValue, describeLeaf, kindOf, walkValue, type ValueVisitor } from "../src/values.js";
import { cloneableValues } from "./cloneable-values.js";

/** A visitor that writes what the walk did, so a test can read the walk back. */
const trace: ValueVisitor<string, string[]> = {
  leaf: (value, kind, depth) => `${kind}@${depth}:${typeof value === "string" ? value : typeof value}`,
  open: () => [],
  add: (items, child, key) => void items.push(key === undefined ? child : `${String(key)}=${child}`),
  addEntry: (items, key, value) => void items.push(`${key}=>${value}`),
  close: (items, _value, kind) => `${kind}(${items.join(" ")})`,
  cut: (_value, kind, depth) => `cut ${kind}@${depth}`,
  again: () => "again",
  unreadable: (error) => `unreadable ${(error as Error).message}`,
};

describe("kindOf", () => {
  it("tells every kind a walk treats differently apart", () => {
    class Order {}
    const cases: [unknown, string][] = [
      [1, "primitive"],
      ["text", "primitive"],
      [null, "primitive"],
      [undefined, "primitive"],
      [10n, "primitive"],
      [deeperLevels(3), "marker"],
      [deeperLevels(undefined), "marker"],
      [() => 1, "function"],
      [Symbol("s"), "symbol"],
      [new Date(0), "date"],
      [/a/g, "regexp"],
      [new RangeError("r"), "error"],
      [new Uint8Array(2), "binary"],
      [new ArrayBuffer(2), "binary"],
      [new DataView(new ArrayBuffer(2)), "binary"],
      [[], "array"],
      [new Map(), "map"],
      [new Set(), "set"],
      [{}, "object"],
      [Object.create(null), "object"],
      [new Order(), "instance"],
      [new Number(1), "instance"],
    ];
    for (const [value, kind] of cases) expect(kindOf(value), String(kind)).toBe(kind);
  });
});

describe("describeLeaf", () => {
  it("names what has no copy of its own, the same for copies and text", () => {
    expect(describeLeaf(function greet() {}, "function")).toBe("[Function greet]");
    expect(describeLeaf(() => 1, "function")).toBe("[Function]");
    expect(describeLeaf(Symbol("tag"), "symbol")).toBe("Symbol(tag)");
    expect(describeLeaf(new Uint16Array(3), "binary")).toBe("Uint16Array(3)");
    expect(describeLeaf(new ArrayBuffer(8), "binary")).toBe("ArrayBuffer(8)");
    expect(describeLeaf(new DataView(new ArrayBuffer(4)), "binary")).toBe("DataView(4)");
  });
});

describe("walkValue", () => {
  it("walks containers depth first and hands leaves their depth, Map keys walked as values", () => {
    const value = { a: [1, "x"], m: new Map([[{ k: 1 }, new Set([true])]]) };
    expect(walkValue(value, trace, { maxDepth: 10, revisit: "share" })).toBe(
      "object(a=array(0=primitive@2:number 1=primitive@2:x) m=map(object(k=primitive@3:number)=>set(primitive@3:boolean)))",
    );
  });

  it("shares what it met before with revisit 'share', and repeats all but cycles with 'repeat'", () => {
    const shared = { n: 1 };
    const value: Record<string, unknown> = { a: shared, b: shared };
    value.self = value;
    expect(walkValue(value, trace, { maxDepth: 10, revisit: "share" })).toBe(
      "object(a=object(n=primitive@2:number) b=again self=again)",
    );
    expect(walkValue(value, trace, { maxDepth: 10, revisit: "repeat" })).toBe(
      "object(a=object(n=primitive@2:number) b=object(n=primitive@2:number) self=again)",
    );
  });

  it("cuts containers at maxDepth, but never leaves", () => {
    expect(walkValue({ a: { b: { c: 1 } }, d: new Date(0) }, trace, { maxDepth: 1, revisit: "share" })).toBe(
      "object(a=cut object@1 d=date@1:object)",
    );
  });

  it("reads getter-safely: a throwing getter is one unreadable child, a throwing ownKeys one unreadable container", () => {
    const getter = Object.defineProperty({ ok: 1 }, "boom", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    const keys = new Proxy({}, {
      ownKeys() {
        throw new Error("keys");
      },
    });
    const { proxy: revoked, revoke } = Proxy.revocable([], {});
    revoke();
    expect(walkValue({ getter, keys, revoked }, trace, { maxDepth: 10, revisit: "share" })).toBe(
      "object(getter=object(ok=primitive@2:number boom=unreadable getter) keys=unreadable keys revoked=unreadable " +
        "Cannot perform 'getPrototypeOf' on a proxy that has been revoked)",
    );
  });

  it("lets a visitor finish a container whole instead of walking it", () => {
    const visitor: ValueVisitor<string, string[]> = {
      ...trace,
      whole: (_value, kind) => (kind === "instance" ? { result: "whole" } : undefined),
    };
    class Order {
      pizza = "funghi";
    }
    expect(walkValue({ order: new Order() }, visitor, { maxDepth: 10, revisit: "share" })).toBe("object(order=whole)");
  });
});

describe("copyValue", () => {
  it("equals structuredClone for any cloneable value without holes", () => {
    fc.assert(
      fc.property(cloneableValues({ holes: false }), (value) => {
        expect(copyValue(value)).toStrictEqual(structuredClone(value));
      }),
      { numRuns: 300 },
    );
  });

  it("copies what a snapshot must copy, and keeps it as it is for posting", () => {
    const value = { at: new Date(0), re: /a/g, bytes: new Uint8Array([1, 2]), fn() {} };
    const copy = copyValue(value) as typeof value;
    const posted = copyValue(value, { forPosting: true }) as typeof value;
    for (const key of ["at", "re", "bytes"] as const) {
      expect(copy[key]).toEqual(value[key]);
      expect(copy[key]).not.toBe(value[key]);
      expect(posted[key]).toBe(value[key]);
    }
    expect(copy.fn).toBe("[Function fn]");
    expect(posted.fn).toBe("[Function fn]");
  });

  it("keeps an error's own name for posting, and clones it for a snapshot", () => {
    class GrammyError extends Error {
      override name = "GrammyError";
    }
    const error = new GrammyError("409: Conflict");
    expect(copyValue({ error }, { forPosting: true })).toEqual({ error: { name: "GrammyError", message: "409: Conflict", stack: error.stack } });
    expect((copyValue({ error }) as { error: unknown }).error).toBeInstanceOf(Error);
  });

  it("throws on an unreadable part unless told what stands for it", () => {
    const hostile = {
      get boom(): never {
        throw new Error("getter exploded");
      },
    };
    expect(() => copyValue({ hostile })).toThrow("getter exploded");
    expect(copyValue({ hostile, n: 1 }, { unreadable: (e) => `[${(e as Error).message}]` })).toEqual({ hostile: { boom: "[getter exploded]" }, n: 1 });
  });

  it("rewrites every string with mapString, keys and Map keys included, but not its own markers", () => {
    const shout = (text: string) => text.toUpperCase();
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 80; i++) at = (at.next = {}) as Record<string, unknown>;
    const copy = copyValue({ text: "hi", list: ["a", 1], map: new Map([["k", "v"]]), when: new Date(0), deep }, { forPosting: true, mapString: shout }) as Record<string, unknown>;
    expect(copy).toMatchObject({ TEXT: "HI", LIST: ["A", 1], MAP: new Map([["K", "V"]]) });
    expect((copy.WHEN as Date).getTime()).toBe(0);
    expect(JSON.stringify(copy.DEEP)).toContain("more levels]");
  });

  it("cuts at MAX_COPY_DEPTH with a marker that counts the levels left out", () => {
    let chain: unknown = { leaf: () => 1 };
    for (let i = 1; i < 100; i++) chain = { a: chain };
    let copy = copyValue(chain) as Record<string, unknown>;
    for (let level = 1; level < MAX_COPY_DEPTH; level++) copy = copy.a as Record<string, unknown>;
    expect(readDeeperLevels(copy.a)).toBe(100 - MAX_COPY_DEPTH);
    expect(depthOf(copyValue(chain))).toBe(100);
  });
});
