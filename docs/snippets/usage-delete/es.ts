import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");
bot.use(session({ initial: (): SessionData => ({ pizzaCount: 0 }) }));

// Anotado como `MyContext`: el tipo reducido que infiere `bot.command`
// solo acepta `SessionData` al asignar, no `null`.
bot.command("reset", async (ctx: MyContext) => {
  // `null` o `undefined`: al terminar los manejadores, grammY borra la entrada de este chat.
  ctx.session = null;
  await ctx.reply("¡Olvidado! Tu próxima pizza empieza una cuenta nueva.");
});
