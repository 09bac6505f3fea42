import { Bot, Context, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

interface SessionData {
  pizzaCount: number;
  // IndexedDB guarda clones estructurados: un Date vuelve siendo un Date.
  lastPizza?: Date;
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    // Sin opciones: la base de datos y el almacén de objetos por defecto del adaptador.
    storage: new IndexedDBAdapter<SessionData>(),
  }),
);

bot.command("hunger", async (ctx) => {
  const { pizzaCount, lastPizza } = ctx.session;
  // Un adaptador basado en JSON devolvería aquí una cadena, y esta llamada fallaría.
  const when = lastPizza?.toLocaleTimeString("es") ?? "nunca";
  await ctx.reply(`¡Tu nivel de hambre es ${pizzaCount}! Última pizza: ${when}.`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
  ctx.session.lastPizza = new Date();
});

bot.start();
