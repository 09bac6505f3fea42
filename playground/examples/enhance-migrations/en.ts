import { Bot, Context, Enhance, enhanceStorage, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

// What the first release stored, before it had migrations.
interface LegacyData {
  pizzaCount: number;
}

// Version 1 renamed the counter.
interface DataV1 {
  pizzas: number;
}

// Version 2, today's shape, also remembers toppings.
interface SessionData {
  pizzas: number;
  toppings: string[];
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

const storage = enhanceStorage({
  storage: new IndexedDBAdapter<Enhance<SessionData>>(),
  migrations: {
    // Runs on data without a version: everything stored before migrations existed.
    1: (old: LegacyData): DataV1 => ({ pizzas: old.pizzaCount }),
    2: (old: DataV1): SessionData => ({ ...old, toppings: [] }),
  },
});

// Demo only, installed before the session so it does not run for this command:
// it stores a value the way the first release did, so you can watch it migrate.
const legacyStorage = new IndexedDBAdapter<LegacyData>();
bot.command("legacy", async (ctx) => {
  await legacyStorage.write(ctx.chat.id.toString(), { pizzaCount: 3 });
  await ctx.reply("Stored { pizzaCount: 3 } with no version. Now send /hunger.");
});

bot.use(session({ initial: (): SessionData => ({ pizzas: 0, toppings: [] }), storage }));

bot.command("hunger", async (ctx) => {
  const { pizzas, toppings } = ctx.session;
  const list = toppings.length === 0 ? "none yet" : toppings.join(", ");
  await ctx.reply(`Pizzas so far: ${pizzas}. Toppings: ${list}.`);
});

bot.command("topping", async (ctx) => {
  const topping = ctx.match.trim();
  if (topping !== "") ctx.session.toppings.push(topping);
  await ctx.reply(topping === "" ? "Which one? For example: /topping olives" : `Added ${topping}.`);
});

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzas++;
});

bot.start();
