import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collect, makeAdapter, useAdapters } from "./fixtures.js";

type Value = unknown;
type Command =
  | { op: "write"; key: string; value: Value }
  | { op: "read" | "delete" | "has"; key: string }
  | { op: "readAllKeys" | "readAllValues" | "readAllEntries" };

// Few keys, so that sequences revisit them; "" and non-ASCII because key order is by code unit.
const key = fc.constantFrom("", "1", "-100", "-1001", "a", "B", "é", "🍕", "user:1");
// Anything a session may hold, never undefined (grammY deletes instead of writing undefined).
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.jsonValue(),
  fc.date({ noInvalidDate: true }),
  fc.record({ pizzas: fc.nat(), seen: fc.date({ noInvalidDate: true }), tags: fc.array(fc.string()) }),
  fc.constantFrom(null, 0, -0, "", false, Number.NaN),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("write" as const), key, value }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom("read" as const, "delete" as const, "has" as const), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom("readAllKeys" as const, "readAllValues" as const, "readAllEntries" as const) }) },
);

/**
 * Random sequences of calls give the same answers from IndexedDBAdapter as from a `Map` holding
 * structured clones, whatever the page size of the readAll* streams.
 */
export function modelProperties(environment: string, numRuns: number): void {
  describe(`IndexedDBAdapter behaves like a Map (${environment})`, () => {
    useAdapters();

    it("answers every call of a random sequence like the model", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), async (commands, pageSize) => {
          const adapter = makeAdapter<Value>({ pageSize });
          const model = new Map<string, Value>();
          const sortedKeys = () => [...model.keys()].sort(); // IndexedDB orders strings by UTF-16 code unit, like sort()
          try {
            for (const c of commands) {
              switch (c.op) {
                case "write":
                  await adapter.write(c.key, c.value);
                  model.set(c.key, structuredClone(c.value));
                  break;
                case "read":
                  expect(await adapter.read(c.key)).toEqual(model.get(c.key));
                  break;
                case "delete":
                  await adapter.delete(c.key);
                  model.delete(c.key);
                  break;
                case "has":
                  expect(await adapter.has(c.key)).toBe(model.has(c.key));
                  break;
                case "readAllKeys":
                  expect(await collect(adapter.readAllKeys())).toEqual(sortedKeys());
                  break;
                case "readAllValues":
                  expect(await collect(adapter.readAllValues())).toEqual(sortedKeys().map((k) => model.get(k)));
                  break;
                case "readAllEntries":
                  expect(await collect(adapter.readAllEntries())).toEqual(sortedKeys().map((k) => [k, model.get(k)]));
                  break;
              }
            }
            expect(await collect(adapter.readAllEntries())).toEqual(sortedKeys().map((k) => [k, model.get(k)]));
          } finally {
            adapter.close();
          }
        }),
        { numRuns },
      );
    });

    it("reads back -0, NaN and other values exactly as structured clone keeps them", async () => {
      await fc.assert(
        fc.asyncProperty(key, value, async (k, v) => {
          const adapter = makeAdapter<Value>();
          try {
            await adapter.write(k, v);
            const back = await adapter.read(k);
            expect(back).toEqual(v);
            if (typeof v === "number") expect(Object.is(back, v)).toBe(true);
          } finally {
            adapter.close();
          }
        }),
        { numRuns },
      );
    });
  });
}
