import { Bot, Context, lazySession, LazySessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}

type MyContext = Context & LazySessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");
bot.use(lazySession({ initial: (): SessionData => ({ pizzaCount: 0 }) }));

/** Trae el contador de un chat del servicio que usaba un bot anterior (una dirección inventada). */
async function importCount(chatId: number): Promise<SessionData> {
  const response = await fetch(`https://old-pizza-bot.example/chats/${chatId}`);
  const { count } = (await response.json()) as { count: number };
  return { pizzaCount: count };
}

bot.command("import", async (ctx) => {
  const imported = importCount(ctx.chat.id);
  // El manejador aún espera su respuesta de abajo: si la importación falla mientras tanto,
  // esto evita que el rechazo quede sin manejar. grammY sigue viendo el error.
  imported.catch(() => {});
  // Sin `await`: grammY espera la promesa después de los manejadores y escribe el resultado.
  // El valor antiguo nunca se lee, porque nada lo tocó antes de esta asignación.
  ctx.session = imported;
  await ctx.reply("Importando tu contador…");
});

bot.command("diet", async (ctx) => {
  // Para calcular el valor nuevo a partir del antiguo, deja que la lectura termine antes.
  const session = await ctx.session;
  ctx.session = { ...session, pizzaCount: 0 };
});
