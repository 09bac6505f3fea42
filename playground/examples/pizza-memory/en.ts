import { Bot, Context, session, SessionFlavor } from "grammy";

// What every chat remembers between updates.
interface SessionData {
  pizzaCount: number;
}

// `session()` adds `ctx.session` at run time; this tells TypeScript about it.
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Called for a chat that has no session yet: it must build a new object every time.
function initial(): SessionData {
  return { pizzaCount: 0 };
}

// No `storage` option: grammY keeps the sessions in memory, until the bot stops.
bot.use(session({ initial }));

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`Your hunger level is ${count}!`);
});

// Changing the object is enough: grammY saves it after the handlers are done.
bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
