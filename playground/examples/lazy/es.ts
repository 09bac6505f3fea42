import { Bot, Context, lazySession, LazySessionFlavor } from "grammy";

// Los mismos datos que el contador de pizzas estricto.
interface SessionData {
  pizzaCount: number;
}

// Con sesiones perezosas, `ctx.session` puede ser una promesa de los datos.
type MyContext = Context & LazySessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

function initial(): SessionData {
  return { pizzaCount: 0 };
}
bot.use(lazySession({ initial }));

bot.command("hunger", async (ctx) => {
  // Tocar `ctx.session` pone en marcha la lectura; con `await` obtienes los datos.
  const session = await ctx.session;
  await ctx.reply(`¡Tu nivel de hambre es ${session.pizzaCount}!`);
});

bot.command("diet", async (ctx) => {
  // Se asigna antes de que nadie la lea: grammY se salta la lectura y solo escribe.
  ctx.session = { pizzaCount: 0 };
  await ctx.reply("De vuelta a cero. Para esto no hizo falta leer del almacenamiento.");
});

bot.hears(/🍕/, async (ctx) => {
  const session = await ctx.session;
  session.pizzaCount++;
});

// Cualquier otro mensaje deja `ctx.session` en paz: ni lectura ni escritura.

bot.start();
