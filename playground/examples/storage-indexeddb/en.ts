import { Bot, Context, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

interface SessionData {
  pizzaCount: number;
  // IndexedDB keeps structured clones, so a Date comes back as a Date.
  lastPizza?: Date;
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    // No options: the adapter's default database and object store.
    storage: new IndexedDBAdapter<SessionData>(),
  }),
);

bot.command("hunger", async (ctx) => {
  const { pizzaCount, lastPizza } = ctx.session;
  // A JSON-based adapter would hand back a string here, and this call would fail.
  const when = lastPizza?.toLocaleTimeString("en") ?? "never";
  await ctx.reply(`Your hunger level is ${pizzaCount}! Last pizza: ${when}.`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
  ctx.session.lastPizza = new Date();
});

bot.start();
