import { Bot } from "grammy";

const bot = new Bot("");

// Contar pizzas por chat a mano: un mapa del id del chat a su cuenta.
// Solo vive en memoria, así que un reinicio lo olvida todo.
const pizzaCounts = new Map<number, number>();

bot.hears(/🍕/, (ctx) => {
  const chatId = ctx.chat.id;
  pizzaCounts.set(chatId, (pizzaCounts.get(chatId) ?? 0) + 1);
});

bot.command("hunger", async (ctx) => {
  const count = pizzaCounts.get(ctx.chat.id) ?? 0;
  await ctx.reply(`¡Tu nivel de hambre es ${count}!`);
});
