import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    // Una sesión por persona, compartida por todos los chats en los que habla con el bot.
    // Las actualizaciones sin remitente (publicaciones de canal, encuestas) no tienen sesión.
    getSessionKey: (ctx) => ctx.from?.id.toString(),
  }),
);

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`Tu cuenta de pizzas, sumando todos los chats: ${count}`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
