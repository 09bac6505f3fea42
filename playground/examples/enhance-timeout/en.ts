import { Bot, Context, Enhance, enhanceStorage, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

interface SessionData {
  pizzaCount: number;
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Short enough to watch it happen.
const THIRTY_SECONDS = 30 * 1000;

// The adapter underneath stores the wrapper `{ __d, e }`, hence `Enhance<SessionData>`.
const storage = enhanceStorage({
  storage: new IndexedDBAdapter<Enhance<SessionData>>(),
  millisecondsToLive: THIRTY_SECONDS,
});

bot.use(session({ initial: (): SessionData => ({ pizzaCount: 0 }), storage }));

bot.command("hunger", async (ctx) => {
  // Reading counts too: a strict session writes it back, which renews the expiry.
  await ctx.reply(
    `Your hunger level is ${ctx.session.pizzaCount}! ` +
      "Send no 🍕 and no /hunger for 30 seconds, and I will forget it.",
  );
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
