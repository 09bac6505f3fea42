import type { ExportStrings, ReadmeFacts, ServerStorage } from "../../playground/export/strings";

const STORAGE_NAMES: Record<ServerStorage, string> = {
  memory: "Memory",
  file: "Files",
  free: "grammY's free storage",
};

/** What replaced IndexedDB, as the README's storage section says it. */
const REPLACED: Record<ServerStorage, string> = {
  memory: "grammY's `MemorySessionStorage`: the sessions live in the process and are gone when the bot restarts",
  file: "`FileAdapter` from `@grammyjs/storage-file`: one JSON file per session in the `sessions/` folder",
  free: "`freeStorage` from `@grammyjs/storage-free`: grammY's free hosted storage, tied to your bot's token",
};

/** What replaced IndexedDB, in the comment left in `bot.ts`. */
const IN_COMMENT: Record<ServerStorage, string> = {
  memory: "grammY's memory storage (lost when the bot restarts)",
  file: "JSON files in the sessions folder",
  free: "grammY's free storage, tied to the bot's token",
};

function readme(facts: ReadmeFacts): string {
  const runtime = facts.runtime === "node" ? "Node.js 18 or newer" : "Deno 2";
  const storage =
    facts.replaced === null
      ? "This bot keeps its sessions in memory (grammY's default), so they are gone when it restarts."
      : `In the playground this bot kept its sessions in the browser's IndexedDB, which a server does not have. ` +
        `In \`bot.ts\` it now uses ${REPLACED[facts.replaced]}.`;
  return `# ${facts.example}: a grammY bot from Session Lab

This bot comes from the Session Lab playground (example \`${facts.example}\`). It runs on ${runtime}.

## Start it

1. Talk to [@BotFather](https://t.me/BotFather) in Telegram, send \`/newbot\`, and copy the token it gives you.
2. Install the dependencies and start the bot, with the token in the \`BOT_TOKEN\` environment variable:

\`\`\`sh
${facts.install}
BOT_TOKEN=123456:ABC-DEF ${facts.start}
\`\`\`

On Windows (PowerShell), set the variable first: \`$env:BOT_TOKEN = "123456:ABC-DEF"\`, then run \`${facts.start}\`.
Keep the token out of the code and out of Git: anyone who has it controls your bot.

Now write to your bot in Telegram. Stop it with Ctrl+C.

To check the types: \`${facts.typecheck}\`.

If you run your own [Bot API server](https://github.com/tdlib/telegram-bot-api), set \`BOT_API_ROOT\` to its address
(for example \`BOT_API_ROOT=http://localhost:8081\`); without it the bot talks to \`https://api.telegram.org\`.

## Where the sessions are kept

${storage}

On a server, pick the storage by what the sessions must survive:

- **Memory** (\`MemorySessionStorage\`, grammY's default): nothing to set up, but every session is lost when the bot restarts or is deployed again. Good for trying things.
- **Files** (\`@grammyjs/storage-file\`): sessions survive restarts, on one machine with a disk that stays. Fine for a small bot on one server.
- **grammY's free storage** (\`@grammyjs/storage-free\`): hosted by grammY for free, nothing to run; good for small bots and for hosts without a disk.
- **A database** (Redis, PostgreSQL, MongoDB and more, each with a grammY storage adapter): for bots that grow, run on several machines or need backups.

Files, free storage and most databases keep JSON: a \`Date\` in a session comes back as a string, and a \`Map\` as an empty object
(IndexedDB kept them as they were).

The guide's page on storage adapters, on Session Lab, explains the choice: ${facts.storagePage}
${
  facts.browserOnly
    ? `
**Before it runs on a server:** \`bot.ts\` calls idb-keyval, which keeps data in the browser's IndexedDB. Node.js and Deno
have no IndexedDB, so those calls fail there: keep that data with one of the storages above instead.
`
    : ""
}`;
}

/** The export dialog and the project it writes. */
export const exportStrings: ExportStrings = {
  open: "Export",
  openLabel: "Export as a project",
  title: "Take your bot home",
  intro: "Download this program as a project that runs on your computer or server, with your own bot token.",
  runtime: "Runtime",
  runtimeNode: "Node.js",
  runtimeDeno: "Deno",
  storage: "Sessions on the server",
  storageNeeded: "Your program keeps sessions in IndexedDB, which only browsers have. Pick where the server keeps them:",
  storageNotNeeded:
    "Your program does not use the browser's IndexedDB adapter, so its session storage is exported as written (grammY's memory storage, unless the code picks another).",
  browserOnly:
    "Your program calls idb-keyval itself, which needs the browser's IndexedDB: the project keeps those calls, and they fail on a server until you move that data to a server storage (the project's README says which).",
  storageNames: STORAGE_NAMES,
  storageDescriptions: {
    memory: "Nothing to set up; sessions are lost when the bot restarts.",
    file: "One JSON file per session in a sessions folder; survives restarts.",
    free: "Hosted by grammY for free, tied to your bot's token.",
  },
  files: "Files in the zip",
  download: "Download zip",
  close: "Close",
  downloaded: (fileName) => `${fileName} downloaded.`,
  failed: (reason) => `The zip could not be made: ${reason}`,
  tokenComment: [
    "The token comes from the environment, not from the code: get one from @BotFather and start",
    "the bot with BOT_TOKEN=<your token>. (The playground gave new Bot(\"\") a token of its own.)",
  ],
  tokenMissing: (start) => `BOT_TOKEN is not set. Get a token from @BotFather in Telegram, then start the bot with: ${start}`,
  storageLineNote: "IndexedDB in the playground: see the note by the imports",
  freeStorageWrapper: [
    "@grammyjs/storage-free declares readAllKeys() in a way grammY's StorageAdapter type does not accept,",
    "so tsc would refuse it in session(). Sessions only read, write and delete: this passes those on.",
  ],
  apiRootComment: "Optional: the address of your own Bot API server; without it, grammY uses https://api.telegram.org.",
  storageComment: (storage, storagePage) => [
    "Exported from Session Lab: in the playground the sessions were kept in the browser's IndexedDB",
    "(IndexedDBAdapter), which a server does not have.",
    `Here they are kept in ${IN_COMMENT[storage]}.`,
    `Which storage to pick on a server: ${storagePage} on Session Lab.`,
  ],
  readme,
};
