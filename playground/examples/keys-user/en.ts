import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    // One session per person, shared by every chat they talk to the bot in.
    // Updates without a sender (channel posts, polls) get no session.
    getSessionKey: (ctx) => ctx.from?.id.toString(),
  }),
);

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`Your pizza count, across all chats: ${count}`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
