import { type Context, MemorySessionStorage, session, type SessionFlavor } from "grammy";
import { describe, expect, it } from "vitest";
import { ALICE, BOB, CHANNEL, createOfflineBot, PIZZA_GROUP, recordingStorage, UpdateFactory } from "./harness/index.ts";

/** Kept per user, wherever they write. */
interface Eater {
  pizzaCount: number;
}
/** Kept per chat. */
interface Table {
  orders: string[];
}
interface Fragments {
  eater: Eater;
  table: Table;
}
type MultiContext = Context & SessionFlavor<Fragments>;

/** A bot with a multi session: `eater` per user in its own storage, `table` per chat (default key) in another. */
function multiBot() {
  const eaters = recordingStorage(new MemorySessionStorage<Eater>());
  const tables = recordingStorage(new MemorySessionStorage<Table>());
  const offline = createOfflineBot<MultiContext>();
  offline.bot.use(
    session({
      type: "multi",
      eater: { storage: eaters, getSessionKey: (ctx) => ctx.from?.id.toString(), initial: () => ({ pizzaCount: 0 }) },
      table: { storage: tables, initial: () => ({ orders: [] }) },
    }),
  );
  return { ...offline, eaters, tables, updates: new UpdateFactory() };
}

describe("multi sessions: session({ type: 'multi', … })", () => {
  it("each fragment reads its own storage with its own key function (one per user, one per chat)", async () => {
    const { bot, eaters, tables, updates } = multiBot();
    bot.hears(/🍕/, (ctx) => {
      ctx.session.eater.pizzaCount++;
      ctx.session.table.orders.push(ctx.from!.first_name);
    });

    await bot.handleUpdate(updates.message(ALICE, "🍕", PIZZA_GROUP));
    await bot.handleUpdate(updates.message(BOB, "🍕", PIZZA_GROUP));

    expect(eaters.calls).toEqual([
      { op: "read", key: String(ALICE.id), value: undefined },
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 1 } },
      { op: "read", key: String(BOB.id), value: undefined },
      { op: "write", key: String(BOB.id), value: { pizzaCount: 1 } },
    ]);
    expect(tables.calls).toEqual([
      { op: "read", key: String(PIZZA_GROUP.id), value: undefined },
      { op: "write", key: String(PIZZA_GROUP.id), value: { orders: ["Alice"] } },
      { op: "read", key: String(PIZZA_GROUP.id), value: { orders: ["Alice"] } },
      { op: "write", key: String(PIZZA_GROUP.id), value: { orders: ["Alice", "Bob"] } },
    ]);
  });

  it("strict multi reads every fragment on every update, even when no handler touches any of them", async () => {
    const { bot, eaters, tables, updates } = multiBot();
    bot.on("message", () => {});

    for (const text of ["one", "two", "three"]) await bot.handleUpdate(updates.message(ALICE, text, PIZZA_GROUP));

    expect(eaters.counts().read).toBe(3);
    expect(tables.counts().read).toBe(3);
  });

  it("on first contact every fragment writes its initial() back, like a single session", async () => {
    const { bot, eaters, tables, updates } = multiBot();
    bot.on("message", () => {});

    await bot.handleUpdate(updates.message(ALICE, "hi", PIZZA_GROUP));

    expect(eaters.calls.filter((c) => c.op === "write")).toEqual([{ op: "write", key: String(ALICE.id), value: { pizzaCount: 0 } }]);
    expect(tables.calls.filter((c) => c.op === "write")).toEqual([{ op: "write", key: String(PIZZA_GROUP.id), value: { orders: [] } }]);
  });

  it("ctx.session = null deletes every fragment", async () => {
    const { bot, eaters, tables, updates } = multiBot();
    bot.command("forget", (ctx) => {
      const chat: MultiContext = ctx; // command contexts lose the setter's wider type in TypeScript
      chat.session = null;
    });
    bot.on("message", () => {});
    await bot.handleUpdate(updates.message(ALICE, "hi", PIZZA_GROUP));
    eaters.reset();
    tables.reset();

    await bot.handleUpdate(updates.command(ALICE, "forget", PIZZA_GROUP));

    expect(eaters.trace()).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
    expect(tables.trace()).toEqual([`read ${PIZZA_GROUP.id}`, `delete ${PIZZA_GROUP.id}`]);
  });

  it("setting one fragment to undefined deletes only that fragment", async () => {
    const { bot, eaters, tables, updates } = multiBot();
    bot.command("diet", (ctx) => {
      (ctx.session as Partial<Fragments>).eater = undefined;
    });
    bot.on("message", () => {});
    await bot.handleUpdate(updates.message(ALICE, "hi", PIZZA_GROUP));
    eaters.reset();
    tables.reset();

    await bot.handleUpdate(updates.command(ALICE, "diet", PIZZA_GROUP));

    expect(eaters.trace()).toEqual([`read ${ALICE.id}`, `delete ${ALICE.id}`]);
    expect(tables.trace()).toEqual([`read ${PIZZA_GROUP.id}`]);
  });

  it("a fragment whose key is undefined makes no storage call, while the other fragments work", async () => {
    const { bot, eaters, tables, updates } = multiBot();
    const caught: unknown[] = [];
    bot.on("channel_post", (ctx) => {
      ctx.session.table.orders.push("news");
      try {
        void ctx.session.eater;
      } catch (error) {
        caught.push(error);
      }
    });

    await bot.handleUpdate(updates.channelPost(CHANNEL, "🍕 news"));

    expect(eaters.calls).toEqual([]);
    expect(tables.trace()).toEqual([`read ${CHANNEL.id}`, `write ${CHANNEL.id}`]);
    expect(caught).toEqual([
      new Error("Cannot access session data because the custom `getSessionKey` function returned undefined for this update!"),
    ]);
  });
});
