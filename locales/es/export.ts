import type { ExportStrings, ReadmeFacts, ServerStorage } from "../../playground/export/strings";

const STORAGE_NAMES: Record<ServerStorage, string> = {
  memory: "Memoria",
  file: "Archivos",
  free: "Almacenamiento gratuito de grammY",
};

/** Lo que sustituyó a IndexedDB, tal como lo dice la sección de almacenamiento del README. */
const REPLACED: Record<ServerStorage, string> = {
  memory: "`MemorySessionStorage` de grammY: las sesiones viven en el proceso y se pierden cuando el bot se reinicia",
  file: "`FileAdapter` de `@grammyjs/storage-file`: un archivo JSON por sesión en la carpeta `sessions/`",
  free: "`freeStorage` de `@grammyjs/storage-free`: el almacenamiento gratuito alojado por grammY, ligado al token de tu bot",
};

/** Lo que sustituyó a IndexedDB, en el comentario que queda en `bot.ts`. */
const IN_COMMENT: Record<ServerStorage, string> = {
  memory: "la memoria de grammY (se pierden cuando el bot se reinicia)",
  file: "archivos JSON en la carpeta sessions",
  free: "el almacenamiento gratuito de grammY, ligado al token del bot",
};

function readme(facts: ReadmeFacts): string {
  const runtime = facts.runtime === "node" ? "Node.js 18 o posterior" : "Deno 2";
  const storage =
    facts.replaced === null
      ? "Este bot guarda sus sesiones en memoria (lo que grammY hace por defecto), así que se pierden cuando se reinicia."
      : `En el playground este bot guardaba sus sesiones en IndexedDB, la base de datos del navegador, que un servidor no tiene. ` +
        `En \`bot.ts\` ahora usa ${REPLACED[facts.replaced]}.`;
  return `# ${facts.example}: un bot de grammY de Session Lab

Este bot viene del playground de Session Lab (ejemplo \`${facts.example}\`). Funciona con ${runtime}.

## Ponlo en marcha

1. Habla con [@BotFather](https://t.me/BotFather) en Telegram, envíale \`/newbot\` y copia el token que te da.
2. Instala las dependencias y arranca el bot con el token en la variable de entorno \`BOT_TOKEN\`:

\`\`\`sh
${facts.install}
BOT_TOKEN=123456:ABC-DEF ${facts.start}
\`\`\`

En Windows (PowerShell), define primero la variable: \`$env:BOT_TOKEN = "123456:ABC-DEF"\` y luego ejecuta \`${facts.start}\`.
No pongas el token en el código ni en Git: quien lo tenga controla tu bot.

Ahora escríbele a tu bot en Telegram. Detenlo con Ctrl+C.

Para comprobar los tipos: \`${facts.typecheck}\`.

Si tienes tu propio [servidor de la Bot API](https://github.com/tdlib/telegram-bot-api), pon su dirección en \`BOT_API_ROOT\`
(por ejemplo \`BOT_API_ROOT=http://localhost:8081\`); sin ella, el bot habla con \`https://api.telegram.org\`.

## Dónde se guardan las sesiones

${storage}

En un servidor, elige el almacenamiento según lo que deban sobrevivir las sesiones:

- **Memoria** (\`MemorySessionStorage\`, lo que grammY usa por defecto): no hay nada que configurar, pero todas las sesiones se pierden cuando el bot se reinicia o se vuelve a desplegar. Sirve para hacer pruebas.
- **Archivos** (\`@grammyjs/storage-file\`): las sesiones sobreviven a los reinicios, en una sola máquina con un disco que se conserva. Basta para un bot pequeño en un servidor.
- **Almacenamiento gratuito de grammY** (\`@grammyjs/storage-free\`): grammY lo aloja gratis y no tienes que mantener nada; va bien para bots pequeños y para servicios sin disco.
- **Una base de datos** (Redis, PostgreSQL, MongoDB y más, cada una con su adaptador de almacenamiento para grammY): para bots que crecen, que funcionan en varias máquinas o que necesitan copias de seguridad.

Los archivos, el almacenamiento gratuito y la mayoría de las bases de datos guardan JSON: un \`Date\` de una sesión vuelve como texto, y un \`Map\` como un objeto vacío
(IndexedDB los conservaba tal cual).

La página de la guía sobre adaptadores de almacenamiento, en Session Lab, explica cómo elegir: ${facts.storagePage}
${
  facts.browserOnly
    ? `
**Antes de llevarlo a un servidor:** \`bot.ts\` llama a idb-keyval, que guarda los datos en IndexedDB, la base de datos del navegador.
Node.js y Deno no tienen IndexedDB, así que esas llamadas fallan allí: guarda esos datos en uno de los almacenamientos de arriba.
`
    : ""
}`;
}

/** El diálogo de exportación y el proyecto que genera. */
export const exportStrings: ExportStrings = {
  open: "Exportar",
  openLabel: "Exportar como proyecto",
  title: "Llévate tu bot",
  intro: "Descarga este programa como un proyecto que funciona en tu ordenador o en tu servidor, con el token de tu bot.",
  runtime: "Entorno de ejecución",
  runtimeNode: "Node.js",
  runtimeDeno: "Deno",
  storage: "Sesiones en el servidor",
  storageNeeded: "Tu programa guarda las sesiones en IndexedDB, que solo existe en los navegadores. Elige dónde las guarda el servidor:",
  storageNotNeeded:
    "Tu programa no usa el adaptador de IndexedDB del navegador, así que su almacenamiento de sesiones se exporta tal cual (la memoria de grammY, salvo que el código elija otro).",
  browserOnly:
    "Tu programa llama a idb-keyval, que necesita la IndexedDB del navegador: el proyecto conserva esas llamadas, y fallarán en un servidor hasta que guardes esos datos en un almacenamiento de servidor (el README del proyecto te dice cuál).",
  storageNames: STORAGE_NAMES,
  storageDescriptions: {
    memory: "Nada que configurar; las sesiones se pierden cuando el bot se reinicia.",
    file: "Un archivo JSON por sesión en una carpeta sessions; sobreviven a los reinicios.",
    free: "grammY lo aloja gratis; va ligado al token de tu bot.",
  },
  files: "Archivos del zip",
  download: "Descargar zip",
  close: "Cerrar",
  downloaded: (fileName) => `${fileName} descargado.`,
  failed: (reason) => `No se pudo crear el zip: ${reason}`,
  tokenComment: [
    "El token viene del entorno, no del código: pídele uno a @BotFather y arranca el bot con",
    "BOT_TOKEN=<tu token>. (El playground le daba a new Bot(\"\") un token propio).",
  ],
  tokenMissing: (start) =>
    `Falta BOT_TOKEN. Pídele un token a @BotFather en Telegram y arranca el bot con: ${start}`,
  storageLineNote: "IndexedDB en el playground: mira la nota junto a los imports",
  freeStorageWrapper: [
    "@grammyjs/storage-free declara readAllKeys() de una forma que el tipo StorageAdapter de grammY no acepta,",
    "así que tsc lo rechazaría en session(). Las sesiones solo leen, escriben y borran: esto les pasa esas tres.",
  ],
  apiRootComment: "Opcional: la dirección de tu propio servidor de la Bot API; sin ella, grammY usa https://api.telegram.org.",
  storageComment: (storage, storagePage) => [
    "Exportado desde Session Lab: en el playground las sesiones se guardaban en IndexedDB, la base de",
    "datos del navegador (IndexedDBAdapter), que un servidor no tiene.",
    `Aquí se guardan en ${IN_COMMENT[storage]}.`,
    `Qué almacenamiento elegir en un servidor: ${storagePage} en Session Lab.`,
  ],
  readme,
};
