import { type Context, lazySession, type LazySessionFlavor, MemorySessionStorage, session, type SessionFlavor } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { ALICE, BOB, createOfflineBot, PIZZA_GROUP, recordingStorage, UpdateFactory } from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}

/**
 * The documented measurement: one new group chat, 10 updates. Two messages contain 🍕 (and add a pizza), two are
 * `/hunger` (and read the count), the other six are plain chatter. The chat starts with chatter, so its first
 * contact is an update no handler reacts to.
 */
function groupChat(): Update[] {
  const u = new UpdateFactory();
  return [
    u.message(ALICE, "anyone hungry?", PIZZA_GROUP),
    u.message(BOB, "always", PIZZA_GROUP),
    u.message(ALICE, "ordering a 🍕", PIZZA_GROUP),
    u.message(BOB, "make it two", PIZZA_GROUP),
    u.command(BOB, "hunger", PIZZA_GROUP, { mention: true }),
    u.message(ALICE, "ok, another 🍕 then", PIZZA_GROUP),
    u.message(BOB, "thanks!", PIZZA_GROUP),
    u.command(ALICE, "hunger", PIZZA_GROUP),
    u.message(BOB, "see you friday", PIZZA_GROUP),
    u.message(ALICE, "bye", PIZZA_GROUP),
  ];
}

/** grammY's pizza example with strict sessions, as in grammY's documentation. */
async function runStrict(updates: Update[]) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>());
  const { bot, sentTexts } = createOfflineBot<Context & SessionFlavor<Pizza>>();
  bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage }));
  bot.command("hunger", (ctx) => ctx.reply(`Your hunger level is ${ctx.session.pizzaCount}!`));
  bot.hears(/🍕/, (ctx) => {
    ctx.session.pizzaCount++;
  });
  for (const update of updates) await bot.handleUpdate(update);
  return { storage, sentTexts };
}

/** The same bot with lazy sessions: the handlers await `ctx.session`. */
async function runLazy(updates: Update[]) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>());
  const { bot, sentTexts } = createOfflineBot<Context & LazySessionFlavor<Pizza>>();
  bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }), storage }));
  bot.command("hunger", async (ctx) => ctx.reply(`Your hunger level is ${(await ctx.session).pizzaCount}!`));
  bot.hears(/🍕/, async (ctx) => {
    (await ctx.session).pizzaCount++;
  });
  for (const update of updates) await bot.handleUpdate(update);
  return { storage, sentTexts };
}

describe("measured scenario: 10 updates in a group, 2 add a pizza, 2 /hunger", () => {
  it("strict session(): 10 reads, 5 writes", async () => {
    const { storage } = await runStrict(groupChat());
    expect(storage.counts()).toEqual({ read: 10, write: 5, delete: 0 });
  });

  it("lazySession(): 4 reads, 4 writes", async () => {
    const { storage } = await runLazy(groupChat());
    expect(storage.counts()).toEqual({ read: 4, write: 4, delete: 0 });
  });

  it("strict and lazy give the same answers and the same final count", async () => {
    const strict = await runStrict(groupChat());
    const lazy = await runLazy(groupChat());
    expect(strict.sentTexts()).toEqual(["Your hunger level is 1!", "Your hunger level is 2!"]);
    expect(lazy.sentTexts()).toEqual(strict.sentTexts());
    const lastWrite = (calls: typeof strict.storage.calls) => calls.filter((c) => c.op === "write").at(-1);
    expect(lastWrite(strict.storage.calls)).toEqual({ op: "write", key: String(PIZZA_GROUP.id), value: { pizzaCount: 2 } });
    expect(lastWrite(lazy.storage.calls)).toEqual(lastWrite(strict.storage.calls));
  });

  it("strict's fifth write is the initial() write on first contact, made by an update no handler reacted to", async () => {
    const updates = groupChat();
    const { storage } = await runStrict(updates);
    // Each strict update starts with exactly one read, so a write belongs to the update of the read before it.
    const writers = storage.calls.flatMap((call, i) =>
      call.op === "write" ? [storage.calls.slice(0, i).filter((c) => c.op === "read").length - 1] : [],
    );
    const texts = writers.map((i) => updates[i].message?.text);
    expect(texts).toEqual(["anyone hungry?", "ordering a 🍕", "/hunger@session_lab_bot", "ok, another 🍕 then", "/hunger"]);
    expect(storage.calls.find((c) => c.op === "write")?.value).toEqual({ pizzaCount: 0 });
  });
});
