import { Bot, Composer, Context, lazySession, LazySessionFlavor, session, SessionFlavor } from "grammy";

/** The part of the session this plugin needs. */
interface HungerData {
  pizzaCount: number;
}

/** Either kind of session will do. */
type HungerContext = Context & (SessionFlavor<HungerData> | LazySessionFlavor<HungerData>);

/** A plugin: the /hunger command, for strict and lazy sessions alike. */
function hunger<C extends HungerContext>(): Composer<C> {
  const composer = new Composer<C>();
  composer.command("hunger", async (ctx) => {
    // `await` on a plain object just returns it, so one line serves both kinds.
    const data = await ctx.session;
    await ctx.reply(`Hunger level: ${data.pizzaCount}`);
  });
  return composer;
}

// A bot with strict sessions...
const strictBot = new Bot<Context & SessionFlavor<HungerData>>("");
strictBot.use(session({ initial: () => ({ pizzaCount: 0 }) }));
strictBot.use(hunger());

// ...and one with lazy sessions use the same plugin.
const lazyBot = new Bot<Context & LazySessionFlavor<HungerData>>("");
lazyBot.use(lazySession({ initial: () => ({ pizzaCount: 0 }) }));
lazyBot.use(hunger());
