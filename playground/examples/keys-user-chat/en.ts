import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    // One session per person in each chat: in a group, every member keeps a count of their own.
    getSessionKey: (ctx) =>
      ctx.from === undefined || ctx.chatId === undefined
        ? undefined
        : `${ctx.from.id}/${ctx.chatId}`,
  }),
);

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`${ctx.from?.first_name}, your pizza count in this chat: ${count}`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
