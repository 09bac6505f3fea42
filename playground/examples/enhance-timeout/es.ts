import { Bot, Context, Enhance, enhanceStorage, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

interface SessionData {
  pizzaCount: number;
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Lo bastante corto para verlo ocurrir.
const THIRTY_SECONDS = 30 * 1000;

// El adaptador de debajo guarda el envoltorio `{ __d, e }`, de ahí `Enhance<SessionData>`.
const storage = enhanceStorage({
  storage: new IndexedDBAdapter<Enhance<SessionData>>(),
  millisecondsToLive: THIRTY_SECONDS,
});

bot.use(session({ initial: (): SessionData => ({ pizzaCount: 0 }), storage }));

bot.command("hunger", async (ctx) => {
  // Leer también cuenta: una sesión estricta la vuelve a escribir, y eso renueva la caducidad.
  await ctx.reply(
    `¡Tu nivel de hambre es ${ctx.session.pizzaCount}! ` +
      "Si en 30 segundos no llega ninguna 🍕 ni ningún /hunger, lo olvidaré.",
  );
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
