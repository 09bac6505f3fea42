import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  updatesSeen: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");
bot.use(session({ initial: (): SessionData => ({ updatesSeen: 0 }) }));

// Este middleware se ejecuta con cada actualización, también con las que no tienen clave de sesión.
bot.use(async (ctx, next) => {
  // Con la clave predeterminada, «tiene id de chat» equivale exactamente a «tiene sesión».
  if (ctx.chatId !== undefined) ctx.session.updatesSeen++;
  await next();
});

// Las consultas inline no pertenecen a ningún chat: este manejador no debe tocar `ctx.session`.
bot.on("inline_query", async (ctx) => {
  await ctx.answerInlineQuery([]);
});
