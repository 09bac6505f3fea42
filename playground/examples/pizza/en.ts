import { Bot, Context, session, SessionFlavor } from "grammy";

// The shape of the data each chat keeps.
interface SessionData {
  pizzaCount: number;
}

// Teach the context type about `ctx.session`.
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// A fresh object for every new chat.
function initial(): SessionData {
  return { pizzaCount: 0 };
}
bot.use(session({ initial }));

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`Your hunger level is ${count}!`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
