import { type Context, MemorySessionStorage, session, type SessionFlavor, type StorageAdapter } from "grammy";
import { describe, expect, it } from "vitest";
import { ALICE, BOB, createOfflineBot, jsonStorage, PIZZA_GROUP, UpdateFactory } from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}

/** The pizza bot, with `/hunger` answering the count, over the given `initial` and storage. */
function pizzaBot(initial: () => Pizza, storage: StorageAdapter<Pizza>) {
  const offline = createOfflineBot<Context & SessionFlavor<Pizza>>();
  offline.bot.use(session({ initial, storage }));
  offline.bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
  offline.bot.hears(/🍕/, (ctx) => {
    ctx.session.pizzaCount++;
  });
  return offline;
}

describe("initial", () => {
  it("initial returning one shared object, with MemorySessionStorage: two chats share it, a pizza in chat A changes the count in chat B", async () => {
    const data = { pizzaCount: 0 };
    const { bot, sentTexts } = pizzaBot(() => data, new MemorySessionStorage<Pizza>());
    const u = new UpdateFactory();

    await bot.handleUpdate(u.command(ALICE, "hunger")); // chat A gets `data`
    await bot.handleUpdate(u.command(BOB, "hunger", PIZZA_GROUP)); // chat B gets the same `data`
    await bot.handleUpdate(u.message(ALICE, "🍕")); // a pizza in chat A …
    await bot.handleUpdate(u.command(BOB, "hunger", PIZZA_GROUP)); // … is counted in chat B

    expect(sentTexts()).toEqual(["0", "0", "1"]);
    expect(data.pizzaCount).toBe(1);
  });

  it("initial returning a fresh object per call: the chats are independent", async () => {
    const { bot, sentTexts } = pizzaBot(() => ({ pizzaCount: 0 }), new MemorySessionStorage<Pizza>());
    const u = new UpdateFactory();

    await bot.handleUpdate(u.command(ALICE, "hunger"));
    await bot.handleUpdate(u.command(BOB, "hunger", PIZZA_GROUP));
    await bot.handleUpdate(u.message(ALICE, "🍕"));
    await bot.handleUpdate(u.command(BOB, "hunger", PIZZA_GROUP));
    await bot.handleUpdate(u.command(ALICE, "hunger"));

    expect(sentTexts()).toEqual(["0", "0", "0", "1"]);
  });

  it("a shared initial object leaks even through a JSON adapter: a chat created later starts from the mutated object", async () => {
    const data = { pizzaCount: 0 };
    const { bot, sentTexts } = pizzaBot(() => data, jsonStorage());
    const u = new UpdateFactory();

    await bot.handleUpdate(u.message(ALICE, "🍕")); // first contact in chat A mutates `data` itself
    await bot.handleUpdate(u.command(BOB, "hunger", PIZZA_GROUP)); // chat B's first contact copies the mutated `data`
    await bot.handleUpdate(u.message(ALICE, "🍕")); // later pizzas in A change only A's stored copy
    await bot.handleUpdate(u.command(BOB, "hunger", PIZZA_GROUP));

    expect(sentTexts()).toEqual(["1", "1"]);
  });
});
