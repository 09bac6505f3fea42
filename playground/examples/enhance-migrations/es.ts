import { Bot, Context, Enhance, enhanceStorage, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

// Lo que guardaba la primera versión, antes de tener migraciones.
interface LegacyData {
  pizzaCount: number;
}

// La versión 1 cambió el nombre del contador.
interface DataV1 {
  pizzas: number;
}

// La versión 2, la forma actual, además recuerda ingredientes.
interface SessionData {
  pizzas: number;
  toppings: string[];
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

const storage = enhanceStorage({
  storage: new IndexedDBAdapter<Enhance<SessionData>>(),
  migrations: {
    // Se aplica a los datos sin versión: todo lo guardado antes de que hubiera migraciones.
    1: (old: LegacyData): DataV1 => ({ pizzas: old.pizzaCount }),
    2: (old: DataV1): SessionData => ({ ...old, toppings: [] }),
  },
});

// Solo para la demo, instalado antes de la sesión para que esta no se ejecute con este comando:
// guarda un valor como lo hacía la primera versión, para que veas cómo migra.
const legacyStorage = new IndexedDBAdapter<LegacyData>();
bot.command("legacy", async (ctx) => {
  await legacyStorage.write(ctx.chat.id.toString(), { pizzaCount: 3 });
  await ctx.reply("Guardado { pizzaCount: 3 } sin versión. Ahora envía /hunger.");
});

bot.use(session({ initial: (): SessionData => ({ pizzas: 0, toppings: [] }), storage }));

bot.command("hunger", async (ctx) => {
  const { pizzas, toppings } = ctx.session;
  const list = toppings.length === 0 ? "ninguno todavía" : toppings.join(", ");
  await ctx.reply(`Pizzas hasta ahora: ${pizzas}. Ingredientes: ${list}.`);
});

bot.command("topping", async (ctx) => {
  const topping = ctx.match.trim();
  if (topping !== "") ctx.session.toppings.push(topping);
  await ctx.reply(topping === "" ? "¿Cuál? Por ejemplo: /topping aceitunas" : `Añadido: ${topping}.`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzas++;
});

bot.start();
