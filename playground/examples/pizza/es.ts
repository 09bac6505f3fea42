import { Bot, Context, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

// Lo que cada chat recuerda de una actualización a otra.
interface SessionData {
  pizzaCount: number;
}

// `session()` añade `ctx.session` en tiempo de ejecución; así se lo contamos a TypeScript.
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Se llama para un chat que aún no tiene sesión: debe crear un objeto nuevo cada vez.
function initial(): SessionData {
  return { pizzaCount: 0 };
}

// Las sesiones se guardan en IndexedDB, la base de datos del navegador:
// sobreviven a Detener, a Ejecutar y a recargar la página.
bot.use(session({ initial, storage: new IndexedDBAdapter<SessionData>() }));

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`¡Tu nivel de hambre es ${count}!`);
});

// Basta con cambiar el objeto: grammY lo guarda cuando terminan los manejadores.
bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
