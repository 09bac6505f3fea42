import { deeperLevels } from "@session-lab/adapters-browser";
import { describe, expect, it } from "vitest";
import { PLAYGROUND_MESSAGES } from "../../../locales";
import type { StorageOpEvent } from "../../store";
import { callValue, charsThatFit, needsDisclosure } from "./call-value";

const { en, es } = PLAYGROUND_MESSAGES;

function event(op: StorageOpEvent["op"], extra: Partial<StorageOpEvent> = {}): StorageOpEvent {
  return { type: "storage", id: 1, op, key: "424242", startedAt: 0, durationMs: 0.2, storageIndex: 0, ...extra };
}

describe("callValue", () => {
  it("shows what a read found, or says it found nothing", () => {
    expect(callValue(event("read", { found: true, value: { pizzaCount: 1 } }), en)).toMatchObject({ line: '{"pizzaCount": 1}', word: false });
    expect(callValue(event("read", { found: false }), es)).toEqual({ line: "no encontrado", word: true, unchanged: false });
    expect(callValue(event("read", { found: true, value: { a: [1] } }), en).whole?.()).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it("never cuts a long write: the line holds all of it and the whole value is pretty-printed", () => {
    const value = { orders: Array.from({ length: 30 }, (_, i) => ({ pizza: `margherita ${i}` })) };
    const shown = callValue(event("write", { value }), en);
    expect(shown.line).not.toContain("…");
    expect(shown.line).toContain('"margherita 29"');
    expect(shown.whole?.().split("\n").length).toBeGreaterThan(30);
    expect(needsDisclosure(shown, 40)).toBe(true);
  });

  it("collapses a write 3,000 levels deep into a count, in both languages, on the line and expanded", () => {
    let value: unknown = { leaf: 1 };
    for (let i = 1; i < 3000; i++) value = { a: value };
    const english = callValue(event("write", { value }), en);
    expect(english.line).toContain("… 2,984 more levels");
    expect(english.whole?.()).toContain("… 2,984 more levels");
    expect(english.line.length).toBeLessThan(200);
    const spanish = callValue(event("write", { value: { a: deeperLevels(12_345) } }), es);
    expect(spanish.line).toBe('{"a": … 12.345 niveles más}');
  });

  it("marks a write that stored what the key already held", () => {
    expect(callValue(event("write", { value: { pizzaCount: 1 }, before: { pizzaCount: 1 } }), en).unchanged).toBe(true);
    expect(callValue(event("write", { value: { pizzaCount: 2 }, before: { pizzaCount: 1 } }), en).unchanged).toBe(false);
    // Nothing known before: the sandbox cannot tell, so it does not say "unchanged".
    expect(callValue(event("write", { value: { pizzaCount: 1 } }), en).unchanged).toBe(false);
  });

  it("shows what a delete removed, and a failed call's error", () => {
    expect(callValue(event("delete", { before: { pizzaCount: 3 } }), en).line).toBe('{"pizzaCount": 3}');
    expect(callValue(event("write", { value: 1, error: "QuotaExceededError" }), en)).toMatchObject({ line: "✗ failed: QuotaExceededError", word: true });
  });
});

describe("disclosure", () => {
  it("gives a button to values longer than their line, and to no word", () => {
    const short = callValue(event("read", { found: true, value: { pizzaCount: 1 } }), en);
    expect(needsDisclosure(short, 40)).toBe(false);
    expect(needsDisclosure(short, 10)).toBe(true);
    expect(needsDisclosure(callValue(event("read", { found: false }), en), 0)).toBe(false);
  });

  it("leaves less room for the value on narrow rows and beside long keys", () => {
    expect(charsThatFit(560, 6)).toBeGreaterThan(charsThatFit(360, 6));
    expect(charsThatFit(360, 20)).toBeLessThan(charsThatFit(360, 6));
    expect(charsThatFit(100, 6)).toBe(0);
  });
});
