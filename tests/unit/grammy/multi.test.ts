import { sequentialize } from "@grammyjs/runner";
import { BotError, type Context, MemorySessionStorage, session, type SessionFlavor } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ALICE,
  BOB,
  CHANNEL,
  createOfflineBot,
  type MemoryStorageSpy,
  PIZZA_GROUP,
  recordingStorage,
  spyOnMemorySessionStorage,
  structuredCloneStorage,
  SUPERGROUP,
  UpdateFactory,
} from "./harness/index.ts";

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

  // Guide: multi § Deleting everything
  it("ctx.session = null in an update where every fragment has a key deletes every fragment", async () => {
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

  describe("fragment defaults", () => {
    let spy: MemoryStorageSpy;
    beforeEach(() => void (spy = spyOnMemorySessionStorage()));
    afterEach(() => spy.restore());

    it("every option key except type is a fragment, and a fragment without options has its own memory storage, the chat id as key (no prefix) and no initial value", async () => {
      const { bot } = createOfflineBot<Context & SessionFlavor<{ notes?: string[]; todo?: string[] }>>();
      bot.use(session({ type: "multi", notes: {}, todo: {} }));
      const seen: unknown[] = [];
      bot.on("message", (ctx) => {
        seen.push({ fragments: Object.keys(ctx.session), notes: ctx.session.notes, todo: ctx.session.todo });
        ctx.session.notes = [...(ctx.session.notes ?? []), ctx.msg.text ?? ""];
        ctx.session.todo = ["order"];
      });
      const u = new UpdateFactory();

      await bot.handleUpdate(u.message(ALICE, "olives"));
      await bot.handleUpdate(u.message(ALICE, "basil"));
      await bot.handleUpdate(u.message(ALICE, "in the group", PIZZA_GROUP));

      expect(seen).toEqual([
        { fragments: ["notes", "todo"], notes: undefined, todo: undefined },
        { fragments: ["notes", "todo"], notes: ["olives"], todo: ["order"] },
        { fragments: ["notes", "todo"], notes: undefined, todo: undefined },
      ]);
      const writes = spy.calls.filter((c) => c.op === "write");
      expect(writes.map((c) => c.key)).toEqual([ALICE.id, ALICE.id, ALICE.id, ALICE.id, PIZZA_GROUP.id, PIZZA_GROUP.id].map(String));
      expect(spy.instances()).toHaveLength(2);
    });
  });

  it("after the handlers only fragments that were read, assigned or just created by initial() are written", async () => {
    const stores = {
      read: recordingStorage(new MemorySessionStorage<Eater>()),
      assigned: recordingStorage(new MemorySessionStorage<Eater>()),
      ignored: recordingStorage(new MemorySessionStorage<Eater>()),
      fresh: recordingStorage(new MemorySessionStorage<Eater>()),
      empty: recordingStorage(new MemorySessionStorage<Eater | undefined>()),
    };
    type Parts = { read: Eater; assigned: Eater; ignored: Eater; fresh: Eater; empty?: Eater };
    const { bot } = createOfflineBot<Context & SessionFlavor<Parts>>();
    const initial = () => ({ pizzaCount: 0 });
    bot.use(
      session({
        type: "multi",
        read: { storage: stores.read, initial },
        assigned: { storage: stores.assigned, initial },
        ignored: { storage: stores.ignored, initial },
        fresh: { storage: stores.fresh, initial, getSessionKey: (ctx) => `${ctx.msg?.text}` },
        empty: { storage: stores.empty },
      }),
    );
    bot.on("message", (ctx) => {
      void ctx.session.read.pizzaCount;
      ctx.session.assigned = { pizzaCount: 5 };
    });
    const u = new UpdateFactory();
    await bot.handleUpdate(u.message(ALICE, "first"));
    Object.values(stores).forEach((s) => s.reset());

    // `fresh` is keyed by the text, so this update is first contact for it alone.
    await bot.handleUpdate(u.message(ALICE, "second"));

    expect(stores.read.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
    expect(stores.assigned.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
    expect(stores.ignored.trace()).toEqual([`read ${ALICE.id}`]);
    expect(stores.fresh.calls).toEqual([
      { op: "read", key: "second", value: undefined },
      { op: "write", key: "second", value: { pizzaCount: 0 } },
    ]);
    expect(stores.empty.trace()).toEqual([`read ${ALICE.id}`]);
  });

  it("reading an empty fragment without initial ends with a delete for its key", async () => {
    const users = recordingStorage(new MemorySessionStorage<{ favourite: string } | undefined>());
    const { bot, sentTexts } = createOfflineBot<Context & SessionFlavor<{ user?: { favourite: string }; chat: Eater }>>();
    bot.use(
      session({
        type: "multi",
        user: { storage: users, prefix: "user:", getSessionKey: (ctx) => ctx.from?.id.toString() },
        chat: { initial: () => ({ pizzaCount: 0 }) },
      }),
    );
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.chat.pizzaCount}, favourite: ${ctx.session.user?.favourite ?? "none"}`));

    await bot.handleUpdate(new UpdateFactory().command(ALICE, "hunger"));

    expect(sentTexts()).toEqual(["0, favourite: none"]);
    expect(users.trace()).toEqual([`read user:${ALICE.id}`, `delete user:${ALICE.id}`]);
  });

  describe("fragments sharing one storage", () => {
    interface Shared {
      user: { favourite: string } | Eater;
      chat: { favourite: string } | Eater;
    }
    /** A per-user `user` fragment and a per-chat `chat` fragment in one database, `user` optionally prefixed. */
    function sharedBot(userPrefix?: string) {
      const storage = structuredCloneStorage<Shared[keyof Shared]>();
      const { bot } = createOfflineBot<Context & SessionFlavor<Shared>>();
      bot.use(
        session({
          type: "multi",
          user: { storage, prefix: userPrefix, getSessionKey: (ctx) => ctx.from?.id.toString(), initial: () => ({ favourite: "margherita" }) },
          chat: { storage, initial: () => ({ pizzaCount: 0 }) },
        }),
      );
      const seen: unknown[] = [];
      bot.on("message", (ctx) => void seen.push(structuredClone({ user: ctx.session.user, chat: ctx.session.chat })));
      return { bot, storage, seen };
    }

    it("fragments sharing one storage with equal keys overwrite each other: in a private chat the user id is the chat id", async () => {
      const { bot, storage, seen } = sharedBot();
      const u = new UpdateFactory();

      await bot.handleUpdate(u.message(ALICE, "hi"));
      await bot.handleUpdate(u.message(ALICE, "hi again"));

      expect([...storage.raw.keys()]).toEqual([String(ALICE.id)]);
      expect(seen[0]).toEqual({ user: { favourite: "margherita" }, chat: { pizzaCount: 0 } });
      // One fragment's data was overwritten by the other's: both now read the same value.
      expect(seen[1]).toHaveProperty("user", (seen[1] as Shared).chat);
      expect(seen[1]).not.toEqual(seen[0]);
    });

    it("a prefix on one of the fragments keeps them apart in the same storage", async () => {
      const { bot, storage, seen } = sharedBot("user:");
      const u = new UpdateFactory();

      await bot.handleUpdate(u.message(ALICE, "hi"));
      await bot.handleUpdate(u.message(ALICE, "hi again"));

      expect([...storage.raw.keys()].sort()).toEqual([String(ALICE.id), `user:${ALICE.id}`]);
      expect(seen[1]).toEqual(seen[0]);
    });
  });

  describe("multi § Deleting everything: an update where a fragment has no key", () => {
    /** The per-user `eater` and per-chat `table` fragments in the given order, with data stored for CHANNEL. */
    async function channelWithData(order: (keyof Fragments)[]) {
      const eaters = recordingStorage(new MemorySessionStorage<Eater>());
      const tables = recordingStorage(new MemorySessionStorage<Table>());
      const options = {
        eater: { storage: eaters, getSessionKey: (ctx: Context) => ctx.from?.id.toString(), initial: () => ({ pizzaCount: 0 }) },
        table: { storage: tables, initial: () => ({ orders: [] as string[] }) },
      };
      const { bot } = createOfflineBot<MultiContext>();
      bot.use(session({ type: "multi", ...Object.fromEntries(order.map((name) => [name, options[name]])) } as never));
      bot.on("channel_post:text", (ctx, next) => (ctx.channelPost.text === "/reset" ? next() : void ctx.session.table.orders.push("news")));
      bot.on("channel_post", (ctx) => {
        ctx.session = null; // the assignment itself succeeds: grammY applies it after the handlers
      });
      const u = new UpdateFactory();
      await bot.handleUpdate(u.channelPost(CHANNEL, "🍕 news"));
      eaters.reset();
      tables.reset();
      return { bot, eaters, tables, u };
    }

    // Guide: multi § Deleting everything
    it.each([[["eater", "table"]], [["table", "eater"]]] as (keyof Fragments)[][][])(
      "ctx.session = null in a channel post (no user key) fails the update with 'Cannot assign session data because …' and deletes nothing in either storage (fragments %j)",
      async (order) => {
        const { bot, eaters, tables, u } = await channelWithData(order);

        const error = await bot.handleUpdate(u.channelPost(CHANNEL, "/reset")).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(BotError);
        expect((error as BotError).error).toEqual(
          new Error("Cannot assign session data because the custom `getSessionKey` function returned undefined for this update!"),
        );
        expect(eaters.calls).toEqual([]);
        expect(tables.trace()).toEqual([`read ${CHANNEL.id}`]);
        expect(await tables.read(String(CHANNEL.id))).toEqual({ orders: ["news"] });
      },
    );
  });

  // Guide: multi § Reads and writes
  it("replacing ctx.session with a new object is silently dropped: nothing of it is written and the stored fragments stay as they were", async () => {
    const { bot, eaters, tables, updates } = multiBot();
    bot.hears(/🍕/, (ctx) => {
      ctx.session.eater.pizzaCount++;
      ctx.session.table.orders.push("margherita");
    });
    bot.command("replace", (ctx) => {
      ctx.session = { eater: { pizzaCount: 99 }, table: { orders: ["replaced"] } };
    });
    await bot.handleUpdate(updates.message(ALICE, "🍕", PIZZA_GROUP));
    eaters.reset();
    tables.reset();

    await bot.handleUpdate(updates.command(ALICE, "replace", PIZZA_GROUP));

    expect(eaters.trace()).toEqual([`read ${ALICE.id}`]);
    expect(tables.trace()).toEqual([`read ${PIZZA_GROUP.id}`]);
    expect(await eaters.read(String(ALICE.id))).toEqual({ pizzaCount: 1 });
    expect(await tables.read(String(PIZZA_GROUP.id))).toEqual({ orders: ["margherita"] });
  });

  // Guide: multi § Reads and writes
  it("replacing ctx.session on first contact writes each fragment's initial(), not the new object", async () => {
    const { bot, eaters, tables, updates } = multiBot();
    bot.command("replace", (ctx) => {
      ctx.session = { eater: { pizzaCount: 99 }, table: { orders: ["replaced"] } };
    });

    await bot.handleUpdate(updates.command(ALICE, "replace", PIZZA_GROUP));

    expect(eaters.calls.at(-1)).toEqual({ op: "write", key: String(ALICE.id), value: { pizzaCount: 0 } });
    expect(tables.calls.at(-1)).toEqual({ op: "write", key: String(PIZZA_GROUP.id), value: { orders: [] } });
  });

  // Guide: multi § Reads and writes
  it("assigning one fragment (ctx.session.eater = …) is written, unlike replacing the whole object", async () => {
    const { bot, eaters, updates } = multiBot();
    bot.command("set", (ctx) => {
      ctx.session.eater = { pizzaCount: 99 };
    });
    bot.on("message", () => {});
    await bot.handleUpdate(updates.message(ALICE, "hi", PIZZA_GROUP));
    eaters.reset();

    await bot.handleUpdate(updates.command(ALICE, "set", PIZZA_GROUP));

    expect(eaters.calls).toEqual([
      { op: "read", key: String(ALICE.id), value: { pizzaCount: 0 } },
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 99 } },
    ]);
  });

  describe("multi sessions on the runner (run() from @grammyjs/runner handles updates concurrently)", () => {
    /**
     * The multi bot over storages that keep copies and answer after 5 ms, with `sequentialize(constraint)` before
     * the session. Alice already has both fragments in both chats, so nothing below is a first-contact effect.
     */
    async function runnerBot(constraint: (ctx: Context) => string | string[] | undefined) {
      const eaters = recordingStorage(structuredCloneStorage<Eater>(), { delayMs: 5 });
      const tables = recordingStorage(structuredCloneStorage<Table>(), { delayMs: 5 });
      const offline = createOfflineBot<MultiContext>();
      offline.bot.use(sequentialize(constraint));
      offline.bot.use(
        session({
          type: "multi",
          eater: { storage: eaters, getSessionKey: (ctx) => ctx.from?.id.toString(), initial: () => ({ pizzaCount: 0 }) },
          table: { storage: tables, initial: () => ({ orders: [] }) },
        }),
      );
      offline.bot.hears(/🍕/, (ctx) => {
        ctx.session.eater.pizzaCount++;
        ctx.session.table.orders.push(ctx.from!.first_name);
      });
      offline.bot.on("message", () => {});
      const u = new UpdateFactory();
      await offline.runConcurrently([u.message(ALICE, "hi", PIZZA_GROUP), u.message(ALICE, "hi", SUPERGROUP)]);
      return { ...offline, eaters, u };
    }

    // Guide: multi § Concurrency
    it("a sequentialize key of only the chat id lets one user's pizzas in two chats at once lose one in the per-user fragment", async () => {
      const { runConcurrently, eaters, u } = await runnerBot((ctx) => ctx.chat?.id.toString());

      await runConcurrently([u.message(ALICE, "🍕", PIZZA_GROUP), u.message(ALICE, "🍕", SUPERGROUP)]);

      expect(await eaters.read(String(ALICE.id))).toEqual({ pizzaCount: 1 });
    });

    // Guide: multi § Concurrency
    it("a sequentialize key of every fragment's key ([chat, user]) serialises them: both pizzas count", async () => {
      const { runConcurrently, eaters, u } = await runnerBot((ctx) => [ctx.chat?.id.toString(), ctx.from?.id.toString()].filter((k) => k !== undefined));

      await runConcurrently([u.message(ALICE, "🍕", PIZZA_GROUP), u.message(ALICE, "🍕", SUPERGROUP)]);

      expect(await eaters.read(String(ALICE.id))).toEqual({ pizzaCount: 2 });
    });
  });
});
