import { Bot, Composer, Context, lazySession, LazySessionFlavor, session, SessionFlavor } from "grammy";

/** La parte de la sesión que necesita este plugin. */
interface HungerData {
  pizzaCount: number;
}

/** Sirve cualquiera de los dos tipos de sesión. */
type HungerContext = Context & (SessionFlavor<HungerData> | LazySessionFlavor<HungerData>);

/** Un plugin: el comando /hunger, igual para sesiones estrictas y perezosas. */
function hunger<C extends HungerContext>(): Composer<C> {
  const composer = new Composer<C>();
  composer.command("hunger", async (ctx) => {
    // `await` sobre un objeto normal lo devuelve tal cual: una línea sirve para los dos casos.
    const data = await ctx.session;
    await ctx.reply(`Nivel de hambre: ${data.pizzaCount}`);
  });
  return composer;
}

// Un bot con sesiones estrictas...
const strictBot = new Bot<Context & SessionFlavor<HungerData>>("");
strictBot.use(session({ initial: () => ({ pizzaCount: 0 }) }));
strictBot.use(hunger());

// ...y otro con sesiones perezosas usan el mismo plugin.
const lazyBot = new Bot<Context & LazySessionFlavor<HungerData>>("");
lazyBot.use(lazySession({ initial: () => ({ pizzaCount: 0 }) }));
lazyBot.use(hunger());
