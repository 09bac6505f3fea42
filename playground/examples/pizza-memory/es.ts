import { Bot, Context, session, SessionFlavor } from "grammy";

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

// Sin la opción `storage`, grammY guarda las sesiones en memoria hasta que el bot se detiene.
bot.use(session({ initial }));

bot.command("hunger", async (ctx) => {
  const count = ctx.session.pizzaCount;
  await ctx.reply(`¡Tu nivel de hambre es ${count}!`);
});

// Basta con cambiar el objeto: grammY lo guarda cuando terminan los manejadores.
bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

bot.start();
