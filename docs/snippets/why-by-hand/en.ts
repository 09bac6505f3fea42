import { Bot } from "grammy";

const bot = new Bot("");

// Counting pizzas per chat by hand: a map from chat id to count.
// It lives in memory only, so a restart forgets everything.
const pizzaCounts = new Map<number, number>();

bot.hears(/🍕/, (ctx) => {
  const chatId = ctx.chat.id;
  pizzaCounts.set(chatId, (pizzaCounts.get(chatId) ?? 0) + 1);
});

bot.command("hunger", async (ctx) => {
  const count = pizzaCounts.get(ctx.chat.id) ?? 0;
  await ctx.reply(`Your hunger level is ${count}!`);
});
