import { Bot, Context, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

// Follows each person into every chat.
interface UserData {
  favourite: string;
}

// Shared by everyone in one chat.
interface ChatData {
  pizzaCount: number;
}

// One property per fragment.
interface SessionData {
  // Optional: this fragment has no `initial`, so it is empty until /favourite.
  user?: UserData;
  chat: ChatData;
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    type: "multi",
    user: {
      // Kept per user, in IndexedDB, so it outlives a restart.
      getSessionKey: (ctx) => ctx.from?.id.toString(),
      // In a private chat the user id equals the chat id: the prefix keeps keys apart.
      prefix: "user:",
      storage: new IndexedDBAdapter(),
    },
    chat: {
      // Default key (the chat id) and default storage (memory).
      initial: () => ({ pizzaCount: 0 }),
    },
  }),
);

/**
 * Setting the whole session to `null` deletes every fragment. It throws, and deletes nothing, in an
 * update where a fragment has no key, which is why the commands below ignore channel posts.
 */
function forgetEverything(ctx: MyContext): void {
  ctx.session = null;
}

bot.hears(/🍕/, (ctx) => {
  ctx.session.chat.pizzaCount++;
});

// Channel posts have no sender, so `user` has no key there: the commands
// that use it listen only in chats where people write.
const people = bot.chatType(["private", "group", "supergroup"]);

people.command("favourite", async (ctx) => {
  const topping = ctx.match.trim();
  if (topping === "") {
    await ctx.reply("Tell me your topping, for example: /favourite mushrooms");
    return;
  }
  ctx.session.user = { favourite: topping };
  await ctx.reply(`Noted: ${topping}, in every chat we share.`);
});

people.command("hunger", async (ctx) => {
  const favourite = ctx.session.user?.favourite ?? "none yet";
  await ctx.reply(`Pizzas eaten in this chat: ${ctx.session.chat.pizzaCount}. Your favourite: ${favourite}.`);
});

people.command("forget", async (ctx) => {
  // Deletes this one fragment; the chat's count stays.
  ctx.session.user = undefined;
  await ctx.reply("Your favourite is gone.");
});

people.command("reset", async (ctx) => {
  forgetEverything(ctx);
  await ctx.reply("Everything forgotten: the count and your favourite.");
});

bot.start();
