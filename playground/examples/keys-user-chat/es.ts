import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    // Una sesión por persona en cada chat: en un grupo, cada miembro lleva su propia cuenta.
    getSessionKey: (ctx) =>
      ctx.from === undefined || ctx.chatId === undefined
        ? undefined
        : `${ctx.from.id}/${ctx.chatId}`,
  }),
);

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`${ctx.from?.first_name}, tu cuenta de pizzas en este chat: ${count}`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
