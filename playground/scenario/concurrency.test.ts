import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { createTextMessageUpdate } from "../runtime/updates";
import { runPizzaUpdates } from "./concurrency";
import { CAST } from "./format";
import { parseScenario } from "./parse";
import { presetById } from "./presets";
import { stepsToUpdates } from "./to-updates";

const preset = presetById("lost-update")!;

function updatesOf(text: string): Update[] {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return stepsToUpdates(result.steps);
}

const updates = updatesOf(preset.text.en);
const pizzas = updates.filter((u) => /🍕/.test(u.message?.text ?? "")).length;
const ana = String(CAST.ana.id);

describe("the lost-update preset", () => {
  it("is one person's pizzas in two different chats, under a per-user key", () => {
    expect(preset.key).toBe("user");
    expect(pizzas).toBe(updates.length);
    expect(new Set(updates.map((u) => u.message?.from?.id))).toEqual(new Set([CAST.ana.id]));
    expect(new Set(updates.map((u) => u.message?.chat.id)).size).toBe(updates.length);
  });

  it("keeps every pizza when the updates are handled one after another", async () => {
    const result = await runPizzaUpdates(updates, { schedule: "sequential", key: "user" });
    expect(result.errors).toEqual([]);
    expect(result.sessions).toEqual({ [ana]: { pizzaCount: pizzas } });
    // Each update's calls finish before the next update's begin.
    const order = result.log.filter((e) => e.phase === "start").map((e) => e.updateId);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("loses pizzas when they are handled concurrently: both read the old value, the last write wins", async () => {
    const result = await runPizzaUpdates(updates, { schedule: "concurrent", key: "user" });
    expect(result.errors).toEqual([]);
    expect(result.sessions[ana].pizzaCount).toBeLessThan(pizzas);
    const ends = (op: string) => result.log.filter((e) => e.op === op && e.phase === "end").map((e) => e.seq);
    const writes = result.log.filter((e) => e.op === "write" && e.phase === "start");
    // Every read was over before any write was stored, so each update incremented the same old value.
    expect(Math.max(...ends("read"))).toBeLessThan(Math.min(...ends("write")));
    expect(new Set(writes.map((e) => e.updateId)).size).toBe(updates.length);
    expect(new Set(writes.map((e) => JSON.stringify(e.value))).size).toBe(1);
    // The interleaving is in the log: the two reads overlap.
    expect(result.log.slice(0, 2).map((e) => [e.phase, e.op])).toEqual([
      ["start", "read"],
      ["start", "read"],
    ]);
  });

  it("loses nothing concurrently when the key separates the chats", async () => {
    const result = await runPizzaUpdates(updates, { schedule: "concurrent", key: "chat" });
    const total = Object.values(result.sessions).reduce((sum, s) => sum + s.pizzaCount, 0);
    expect(total).toBe(pizzas);
  });

  it("loses updates with lazy sessions too: laziness changes when the read happens, not what is read", async () => {
    const sequential = await runPizzaUpdates(updates, { schedule: "sequential", key: "user", mode: "lazy" });
    const concurrent = await runPizzaUpdates(updates, { schedule: "concurrent", key: "user", mode: "lazy" });
    expect(sequential.sessions[ana].pizzaCount).toBe(pizzas);
    expect(concurrent.sessions[ana].pizzaCount).toBeLessThan(pizzas);
  });

  it("makes no storage call for updates that have no key", async () => {
    // Poll answers have no ctx.from (no per-user key); inline queries have no chat (no per-chat key).
    const poll = await runPizzaUpdates(updatesOf("ben @ poll: 0\nchloe @ poll: 1"), { schedule: "concurrent", key: "user" });
    const inline = await runPizzaUpdates(updatesOf("ana @ inline: x\nben @ inline: y"), { schedule: "concurrent", key: "chat" });
    for (const result of [poll, inline]) expect(result).toMatchObject({ errors: [], sessions: {}, log: [] });
  });

  it("reports what a handler threw and handles the other updates all the same", async () => {
    // A channel post has no ctx.from: under a per-user key, touching the session throws.
    const channel = { id: -1001111111111, type: "channel" as const, title: "Pizza news" };
    const post = createTextMessageUpdate({ from: CAST.ben, chat: channel, text: "🍕", updateId: 90, messageId: 1 });
    const result = await runPizzaUpdates([post, ...updates], { schedule: "sequential", key: "user" });
    expect(result.errors).toEqual([{ updateId: 90, message: expect.stringContaining("getSessionKey` function returned undefined") }]);
    expect(result.sessions).toEqual({ [ana]: { pizzaCount: pizzas } });
  });
});
