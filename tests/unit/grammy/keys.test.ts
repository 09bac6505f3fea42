import { type Context, lazySession, type LazySessionFlavor, MemorySessionStorage, session, type SessionFlavor } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import {
  ALICE,
  BOB,
  CHANNEL,
  CHANNEL_BOT,
  createOfflineBot,
  GROUP_ANONYMOUS_BOT,
  OTHER_CHANNEL,
  PIZZA_GROUP,
  recordingStorage,
  SUPERGROUP,
  UpdateFactory,
} from "./harness/index.ts";

interface Pizza {
  pizzaCount: number;
}
type PizzaContext = Context & SessionFlavor<Pizza>;
type SessionKeyFn = (ctx: Omit<PizzaContext, "session">) => string | undefined | Promise<string | undefined>;

/** A strict-session pizza bot; every 🍕 adds one. Returns the storage log and the keys each update ran under. */
function pizzaBot(options: { getSessionKey?: SessionKeyFn; prefix?: string } = {}) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>());
  const { bot, sentTexts } = createOfflineBot<PizzaContext>();
  bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage, ...options }));
  bot.hears(/🍕/, (ctx) => {
    ctx.session.pizzaCount++;
  });
  const run = async (...updates: Update[]) => {
    for (const update of updates) await bot.handleUpdate(update);
  };
  return { bot, storage, run, sentTexts };
}

/** Runs one update through strict sessions, lets `touch` act on the context, and returns the error it caught. */
async function errorOnTouch(update: Update, touch: (ctx: PizzaContext) => void, options: { getSessionKey?: SessionKeyFn } = {}) {
  const storage = recordingStorage(new MemorySessionStorage<Pizza>());
  const { bot } = createOfflineBot<PizzaContext>();
  bot.use(session({ initial: () => ({ pizzaCount: 0 }), storage, ...options }));
  let caught: unknown;
  bot.use((ctx) => {
    try {
      touch(ctx);
    } catch (error) {
      caught = error;
    }
  });
  await bot.handleUpdate(update);
  return { caught, storage };
}

const perUser: SessionKeyFn = (ctx) => ctx.from?.id.toString();

describe("session keys", () => {
  it("the default key is ctx.chatId?.toString(): in a private chat that is the user's id", async () => {
    const { storage, run } = pizzaBot();
    await run(new UpdateFactory().message(ALICE, "🍕"));
    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
  });

  it("the default key in a group is the group's negative chat id (supergroups: -100…)", async () => {
    const { storage, run } = pizzaBot();
    const u = new UpdateFactory();
    await run(u.message(ALICE, "🍕", PIZZA_GROUP), u.message(ALICE, "🍕", SUPERGROUP));
    expect(storage.calls.map((c) => c.key)).toEqual(["-4012345678", "-4012345678", "-1002087654321", "-1002087654321"]);
  });

  it("the default key gives each chat its own session: the same user's pizzas in a group don't count in their private chat", async () => {
    const { storage, run } = pizzaBot();
    const u = new UpdateFactory();
    await run(u.message(ALICE, "🍕"), u.message(ALICE, "🍕", PIZZA_GROUP), u.message(ALICE, "🍕", PIZZA_GROUP));
    const writes = storage.calls.filter((c) => c.op === "write");
    expect(writes.at(-1)).toEqual({ op: "write", key: String(PIZZA_GROUP.id), value: { pizzaCount: 2 } });
    expect(writes[0]).toEqual({ op: "write", key: String(ALICE.id), value: { pizzaCount: 1 } });
  });

  it("the default key of a callback query comes from the message the button is under", async () => {
    const { storage, run } = pizzaBot();
    await run(new UpdateFactory().callbackQuery(ALICE, "order", PIZZA_GROUP));
    expect(storage.trace()).toEqual([`read ${PIZZA_GROUP.id}`, `write ${PIZZA_GROUP.id}`]);
  });

  it("the default key of a channel post is the channel's id", async () => {
    const { storage, run } = pizzaBot();
    await run(new UpdateFactory().channelPost(CHANNEL, "🍕 news"));
    expect(storage.trace()).toEqual([`read ${CHANNEL.id}`, `write ${CHANNEL.id}`]);
  });

  it("a per-user key (ctx.from?.id) shares one session across the user's private chat and groups", async () => {
    const { storage, run } = pizzaBot({ getSessionKey: perUser });
    const u = new UpdateFactory();
    await run(u.message(ALICE, "🍕"), u.message(ALICE, "🍕", PIZZA_GROUP), u.message(ALICE, "🍕", SUPERGROUP));
    expect(new Set(storage.calls.map((c) => c.key))).toEqual(new Set([String(ALICE.id)]));
    expect(storage.calls.at(-1)).toEqual({ op: "write", key: String(ALICE.id), value: { pizzaCount: 3 } });
  });

  it("a per-user key keeps two users in one group apart", async () => {
    const { storage, run } = pizzaBot({ getSessionKey: perUser });
    const u = new UpdateFactory();
    await run(u.message(ALICE, "🍕", PIZZA_GROUP), u.message(BOB, "🍕", PIZZA_GROUP));
    expect(storage.calls.filter((c) => c.op === "write")).toEqual([
      { op: "write", key: String(ALICE.id), value: { pizzaCount: 1 } },
      { op: "write", key: String(BOB.id), value: { pizzaCount: 1 } },
    ]);
  });

  it("a per-user-and-chat key `${from.id}/${chat.id}` gives each user a separate session in every chat", async () => {
    const { storage, run } = pizzaBot({
      getSessionKey: (ctx) => (ctx.from === undefined || ctx.chat === undefined ? undefined : `${ctx.from.id}/${ctx.chat.id}`),
    });
    const u = new UpdateFactory();
    await run(u.message(ALICE, "🍕"), u.message(ALICE, "🍕", PIZZA_GROUP), u.message(BOB, "🍕", PIZZA_GROUP), u.message(ALICE, "🍕", PIZZA_GROUP));
    expect(storage.calls.filter((c) => c.op === "write")).toEqual([
      { op: "write", key: `${ALICE.id}/${ALICE.id}`, value: { pizzaCount: 1 } },
      { op: "write", key: `${ALICE.id}/${PIZZA_GROUP.id}`, value: { pizzaCount: 1 } },
      { op: "write", key: `${BOB.id}/${PIZZA_GROUP.id}`, value: { pizzaCount: 1 } },
      { op: "write", key: `${ALICE.id}/${PIZZA_GROUP.id}`, value: { pizzaCount: 2 } },
    ]);
  });

  it("getSessionKey may be async", async () => {
    const { storage, run } = pizzaBot({
      getSessionKey: async (ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return ctx.from === undefined ? undefined : `user:${ctx.from.id}`;
      },
    });
    await run(new UpdateFactory().message(ALICE, "🍕", PIZZA_GROUP));
    expect(storage.trace()).toEqual([`read user:${ALICE.id}`, `write user:${ALICE.id}`]);
  });

  it("prefix is prepended to the key", async () => {
    const { storage, run } = pizzaBot({ prefix: "pizza:" });
    await run(new UpdateFactory().message(ALICE, "🍕"));
    expect(storage.trace()).toEqual([`read pizza:${ALICE.id}`, `write pizza:${ALICE.id}`]);
  });

  it("prefix is prepended only to defined keys: an update without a key makes no storage call", async () => {
    const { storage, run } = pizzaBot({ prefix: "pizza:" });
    const u = new UpdateFactory();
    await run(u.inlineQuery(ALICE, "🍕"), u.pollAnswer(ALICE, [0]));
    expect(storage.calls).toEqual([]);
  });
});

describe("updates without a session key", () => {
  const u = new UpdateFactory();
  const keyless: [string, Update][] = [
    ["an inline query", u.inlineQuery(ALICE, "margherita")],
    ["a poll answer", u.pollAnswer(ALICE, [1])],
    ["a callback query from an inline-mode message", u.inlineCallbackQuery(ALICE, "order")],
  ];

  it.each(keyless)("the default key of %s is undefined: no storage call at all, and not touching ctx.session is fine", async (_, update) => {
    const { bot, storage } = pizzaBot();
    let handled = false;
    bot.use(() => void (handled = true));
    await bot.handleUpdate(update);
    expect(handled).toBe(true);
    expect(storage.calls).toEqual([]);
  });

  it("reading ctx.session with an undefined default key throws 'Cannot access session data because this update does not belong to a chat…'", async () => {
    const { caught, storage } = await errorOnTouch(u.inlineQuery(ALICE, "margherita"), (ctx) => ctx.session);
    expect(caught).toEqual(new Error("Cannot access session data because this update does not belong to a chat, so the session key is undefined!"));
    expect(storage.calls).toEqual([]);
  });

  it("assigning ctx.session with an undefined default key throws 'Cannot assign session data because …'", async () => {
    const { caught, storage } = await errorOnTouch(u.pollAnswer(ALICE, [1]), (ctx) => {
      ctx.session = { pizzaCount: 1 };
    });
    expect(caught).toEqual(new Error("Cannot assign session data because this update does not belong to a chat, so the session key is undefined!"));
    expect(storage.calls).toEqual([]);
  });

  it("with a custom getSessionKey the message says the custom function returned undefined", async () => {
    // ctx.from is undefined for poll answers (grammY doesn't read poll_answer.user), so a per-user key is undefined too.
    const { caught } = await errorOnTouch(u.pollAnswer(ALICE, [1]), (ctx) => ctx.session, { getSessionKey: perUser });
    expect(caught).toEqual(new Error("Cannot access session data because the custom `getSessionKey` function returned undefined for this update!"));
  });

  it("a per-user key is also undefined for a channel post (no from)", async () => {
    const { caught, storage } = await errorOnTouch(u.channelPost(CHANNEL, "news"), (ctx) => ctx.session, { getSessionKey: perUser });
    expect(caught).toBeInstanceOf(Error);
    expect(storage.calls).toEqual([]);
  });

  it("a per-user key is defined for an inline query, which has a user but no chat", async () => {
    const { caught, storage } = await errorOnTouch(u.inlineQuery(ALICE, "margherita"), (ctx) => ctx.session, { getSessionKey: perUser });
    expect(caught).toBeUndefined();
    expect(storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);
  });

  it("a per-user key is defined for a callback query and undefined for a poll update", async () => {
    const pressed = await errorOnTouch(u.callbackQuery(ALICE, "order", PIZZA_GROUP), (ctx) => ctx.session, { getSessionKey: perUser });
    expect(pressed.caught).toBeUndefined();
    expect(pressed.storage.trace()).toEqual([`read ${ALICE.id}`, `write ${ALICE.id}`]);

    const polled = await errorOnTouch(u.poll("Pineapple on pizza?", ["yes", "no"]), (ctx) => ctx.session, { getSessionKey: perUser });
    expect(polled.caught).toEqual(new Error("Cannot access session data because the custom `getSessionKey` function returned undefined for this update!"));
    expect(polled.storage.calls).toEqual([]);
  });

  it("lazy sessions say 'lazy session data' in both messages", async () => {
    const storage = recordingStorage(new MemorySessionStorage<Pizza>());
    const { bot } = createOfflineBot<Context & LazySessionFlavor<Pizza>>();
    bot.use(lazySession({ initial: () => ({ pizzaCount: 0 }), storage }));
    const caught: unknown[] = [];
    bot.use((ctx) => {
      try {
        void ctx.session;
      } catch (error) {
        caught.push(error);
      }
      try {
        ctx.session = { pizzaCount: 1 };
      } catch (error) {
        caught.push(error);
      }
    });
    await bot.handleUpdate(u.inlineQuery(ALICE, "margherita"));
    expect(caught).toEqual([
      new Error("Cannot access lazy session data because this update does not belong to a chat, so the session key is undefined!"),
      new Error("Cannot assign lazy session data because this update does not belong to a chat, so the session key is undefined!"),
    ]);
    expect(storage.calls).toEqual([]);
  });
});

describe("the default key: which updates have a session", () => {
  const u = new UpdateFactory();
  const outsideAnyChat: [string, Update][] = [
    ["inline_query", u.inlineQuery(ALICE, "margherita")],
    ["chosen_inline_result", u.chosenInlineResult(ALICE, "margherita")],
    ["callback_query from an inline message", u.inlineCallbackQuery(ALICE, "order")],
    ["poll", u.poll("Pineapple on pizza?", ["yes", "no"])],
    ["poll_answer", u.pollAnswer(ALICE, [0])],
    ["shipping_query", u.shippingQuery(ALICE)],
    ["pre_checkout_query", u.preCheckoutQuery(ALICE)],
  ];

  it.each(outsideAnyChat)("the default key is undefined for %s: no storage call, and touching ctx.session throws", async (_, update) => {
    const { caught, storage } = await errorOnTouch(update, (ctx) => ctx.session);
    expect(caught).toEqual(new Error("Cannot access session data because this update does not belong to a chat, so the session key is undefined!"));
    expect(storage.calls).toEqual([]);
  });

  const everyKind: [string, Update][] = [
    ...outsideAnyChat,
    ["message in a private chat", u.message(ALICE, "hi")],
    ["message in a group", u.message(ALICE, "hi", PIZZA_GROUP)],
    ["edited_message", u.editedMessage(ALICE, "hi!", SUPERGROUP)],
    ["channel_post", u.channelPost(CHANNEL, "news")],
    ["callback_query under a message", u.callbackQuery(ALICE, "order", PIZZA_GROUP)],
    ["my_chat_member", u.botAdded(ALICE, PIZZA_GROUP)],
  ];

  it.each(everyKind)("with the default key, ctx.chatId !== undefined means exactly 'has a session': %s", async (_, update) => {
    const { bot } = pizzaBot();
    let hasChatId: boolean | undefined;
    let hasSession: boolean | undefined;
    bot.use((ctx) => {
      hasChatId = ctx.chatId !== undefined;
      try {
        void ctx.session;
        hasSession = true;
      } catch {
        hasSession = false;
      }
    });
    await bot.handleUpdate(update);
    expect(hasSession).toBe(hasChatId);
  });
});

describe("chat migrations", () => {
  /** The old basic group, and the supergroup Telegram turns it into. */
  const OLD_GROUP = PIZZA_GROUP;
  const NEW_SUPERGROUP = { ...SUPERGROUP, id: -1002222333444, title: PIZZA_GROUP.title };

  it("grammY does nothing on chat migration: the old key keeps its data and the new chat id starts from initial()", async () => {
    const { bot, storage, run, sentTexts } = pizzaBot();
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
    const u = new UpdateFactory();
    await run(u.message(ALICE, "🍕", OLD_GROUP), u.message(BOB, "🍕", OLD_GROUP));
    storage.reset();

    await run(
      u.migrateToChat(ALICE, OLD_GROUP, NEW_SUPERGROUP.id),
      u.migrateFromChat(ALICE, NEW_SUPERGROUP, OLD_GROUP.id),
      u.command(BOB, "hunger", NEW_SUPERGROUP),
    );

    expect(sentTexts()).toEqual(["0"]);
    expect(storage.calls.filter((c) => c.key === String(OLD_GROUP.id))).toEqual([{ op: "read", key: String(OLD_GROUP.id), value: { pizzaCount: 2 } }]);
    expect(storage.calls.filter((c) => c.key === String(NEW_SUPERGROUP.id))[0]).toEqual({ op: "read", key: String(NEW_SUPERGROUP.id), value: undefined });
    expect(await storage.read(String(OLD_GROUP.id))).toEqual({ pizzaCount: 2 });
  });

  it("the keys-migration snippet's handler writes the data under the new id, and ctx.session = null deletes the old key", async () => {
    const storage = recordingStorage(new MemorySessionStorage<Pizza>());
    const { bot, sentTexts } = createOfflineBot<PizzaContext>();
    bot.use(session({ initial: (): Pizza => ({ pizzaCount: 0 }), storage }));
    bot.hears(/🍕/, (ctx) => {
      ctx.session.pizzaCount++;
    });
    // docs/snippets/keys-migration: the same handler.
    bot.on("message:migrate_to_chat_id", async (ctx) => {
      const newKey = ctx.msg.migrate_to_chat_id.toString();
      await storage.write(newKey, ctx.session);
      ctx.session = null;
    });
    bot.command("hunger", (ctx) => ctx.reply(`${ctx.session.pizzaCount}`));
    const u = new UpdateFactory();
    await bot.handleUpdate(u.message(ALICE, "🍕", OLD_GROUP));
    await bot.handleUpdate(u.message(BOB, "🍕", OLD_GROUP));
    storage.reset();

    await bot.handleUpdate(u.migrateToChat(ALICE, OLD_GROUP, NEW_SUPERGROUP.id));
    await bot.handleUpdate(u.command(BOB, "hunger", NEW_SUPERGROUP));

    expect(storage.calls.slice(0, 3)).toEqual([
      { op: "read", key: String(OLD_GROUP.id), value: { pizzaCount: 2 } },
      { op: "write", key: String(NEW_SUPERGROUP.id), value: { pizzaCount: 2 } },
      { op: "delete", key: String(OLD_GROUP.id) },
    ]);
    expect(sentTexts()).toEqual(["2"]);
    expect(await storage.read(String(OLD_GROUP.id))).toBeUndefined();
  });
});

describe("per-user keys and senders Telegram hides behind a placeholder from", () => {
  /** A second supergroup, for claims about anonymous admins of different groups. */
  const OTHER_SUPERGROUP = { ...SUPERGROUP, id: -1002111222333, title: "Crust Club", username: "crustclub" };

  // Guide: keys § Per user
  it("a per-user key gives every anonymous group admin, in every group, one shared session: the key of GroupAnonymousBot (1087968824)", async () => {
    const { storage, run } = pizzaBot({ getSessionKey: perUser });
    const u = new UpdateFactory();

    await run(
      u.anonymousAdminMessage(SUPERGROUP, "🍕", "Owner"),
      u.anonymousAdminMessage(SUPERGROUP, "🍕", "Chef"),
      u.anonymousAdminMessage(OTHER_SUPERGROUP, "🍕"),
    );

    expect(new Set(storage.calls.map((c) => c.key))).toEqual(new Set([String(GROUP_ANONYMOUS_BOT.id)]));
    expect(storage.calls.at(-1)).toEqual({ op: "write", key: "1087968824", value: { pizzaCount: 3 } });
  });

  // Guide: keys § Per user
  it("a per-user key gives everyone who posts in a group on behalf of a channel, whatever the channel, one shared session: the key of Channel_Bot (136817688)", async () => {
    const { storage, run } = pizzaBot({ getSessionKey: perUser });
    const u = new UpdateFactory();

    await run(u.messageAsChannel(CHANNEL, SUPERGROUP, "🍕"), u.messageAsChannel(OTHER_CHANNEL, SUPERGROUP, "🍕"));

    expect(new Set(storage.calls.map((c) => c.key))).toEqual(new Set([String(CHANNEL_BOT.id)]));
    expect(storage.calls.at(-1)).toEqual({ op: "write", key: "136817688", value: { pizzaCount: 2 } });
  });

  // Guide: keys § Per user
  it("a key that prefers ctx.senderChat (ctx.senderChat?.id ?? ctx.from?.id) keeps them apart: each group's anonymous admins, each channel, each user", async () => {
    const { storage, run } = pizzaBot({ getSessionKey: (ctx) => (ctx.senderChat?.id ?? ctx.from?.id)?.toString() });
    const u = new UpdateFactory();

    await run(
      u.anonymousAdminMessage(SUPERGROUP, "🍕"),
      u.anonymousAdminMessage(OTHER_SUPERGROUP, "🍕"),
      u.messageAsChannel(CHANNEL, SUPERGROUP, "🍕"),
      u.messageAsChannel(OTHER_CHANNEL, SUPERGROUP, "🍕"),
      u.message(ALICE, "🍕", SUPERGROUP),
    );

    const keys = storage.calls.filter((c) => c.op === "write").map((c) => c.key);
    expect(keys).toEqual([SUPERGROUP.id, OTHER_SUPERGROUP.id, CHANNEL.id, OTHER_CHANNEL.id, ALICE.id].map(String));
  });
});
