import { Bot, Context, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

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

// The browser's IndexedDB keeps the sessions, so they outlive Stop, Run and a reload of the page.
bot.use(session({ initial, storage: new IndexedDBAdapter<SessionData>() }));

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`Your hunger level is ${count}!`);
});

// Changing the object is enough: grammY saves it after the handlers are done.
bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
