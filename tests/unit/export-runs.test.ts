import { describe, expect, it as base } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { exportProject, type ExportRequest } from "../../playground/export/export-project";
import { allExamples } from "../../playground/export/testing/examples";
import { startBotApiEmulator, type BotApiEmulator } from "../bot-api/emulator";

// An exported project, as a reader would unzip it, checked the way they would use it: its bot.ts
// type-checks with its own tsconfig.json against the installed grammY and adapter, and the bot, started
// in a Node process of its own with BOT_TOKEN (and BOT_API_ROOT pointing at the local Bot API emulator),
// answers. esbuild stands in for tsx (the `start` script), which is not installed here: both strip the
// types and leave the packages to Node.

const NODE_MODULES = fileURLToPath(new URL("../../node_modules", import.meta.url));

const dirs: string[] = [];
const children: ChildProcess[] = [];

/**
 * Each test gets an emulator of its own, as a fixture rather than a shared variable: a test that times out
 * on a busy machine keeps running in the background, and must keep talking to its own emulator, not the
 * next test's.
 */
const it = base.extend<{ emulator: BotApiEmulator }>({
  emulator: async ({}, use) => {
    const emulator = await startBotApiEmulator();
    await use(emulator);
    // The bots first: one still writing its sessions would keep its folder from being removed.
    await Promise.all(children.splice(0).map(stop));
    await emulator.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  },
});

/** Writes the exported project of `example` into a fresh folder that sees this repository's node_modules. */
function unpack(example: string, locale: ExportRequest["locale"]): string {
  const code = allExamples().find((found) => found.name === example && found.locale === locale)!.code;
  const files = exportProject({ code, example, locale, runtime: "node", storage: "file" });
  const dir = mkdtempSync(join(tmpdir(), `session-lab-export-${example}-`));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(NODE_MODULES, join(dir, "node_modules"), "dir");
  return dir;
}

/** `tsc --noEmit` in `dir`, through the compiler API: the project's own tsconfig.json decides. */
function typeErrors(dir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  })!;
  expect(config.fileNames).toEqual([join(dir, "bot.ts")]);
  const program = ts.createProgram(config.fileNames, config.options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** bot.ts as one ES module beside it, its packages left to Node (as tsx runs it). */
async function bundle(dir: string): Promise<string> {
  const outfile = join(dir, "bot.mjs");
  await build({
    entryPoints: [join(dir, "bot.ts")],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    logLevel: "silent",
  });
  return outfile;
}

/** Starts the bundled bot in its folder, as `npm start` would, with `env` added; its output is collected. */
function start(dir: string, file: string, env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [file], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function stop(child: ChildProcess): Promise<void> {
  const index = children.indexOf(child);
  if (index !== -1) children.splice(index, 1);
  if (child.exitCode === null && child.signalCode === null) child.kill();
  await exited(child);
}

/** What the bot answers to `text`, once every earlier reply is in. */
async function ask(emulator: BotApiEmulator, text: string): Promise<string> {
  const before = emulator.sent.length;
  emulator.userSays(text);
  const sent = await emulator.waitForSent(before + 1, 20_000);
  return sent[before].text;
}

/** Waits until the bot has confirmed every update (its next getUpdates carried the offset), so a restart replays none. */
async function confirmed(emulator: BotApiEmulator): Promise<void> {
  await emulator.waitFor(() => emulator.pendingUpdates().length === 0, "every update confirmed", 20_000);
}

// Type-checking a project builds a whole TypeScript program: seconds when idle, much longer when the machine is busy.
describe("an exported project runs", { timeout: 120_000 }, () => {
  it("pizza: type-checks, answers its first update and keeps the count in files", async ({ emulator }) => {
    const dir = unpack("pizza", "en");
    expect(typeErrors(dir)).toEqual([]);
    const bot = start(dir, await bundle(dir), { BOT_TOKEN: emulator.token, BOT_API_ROOT: emulator.url });

    expect(await ask(emulator, "/hunger")).toBe("Your hunger level is 0!");
    emulator.userSays("🍕");
    expect(await ask(emulator, "/hunger")).toBe("Your hunger level is 1!");
    // File storage wrote the chat's session under ./sessions, in the project's folder.
    expect(existsSync(join(dir, "sessions"))).toBe(true);
    expect(readdirSync(join(dir, "sessions"), { recursive: true }).length).toBeGreaterThan(0);
    // Every call carried the reader's token and went to the emulator (BOT_API_ROOT), nowhere else.
    expect(emulator.requests.every((request) => request.tokenOk)).toBe(true);
    expect(bot.exitCode).toBe(null);
  });

  it("multi: type-checks, and the user fragment kept in files outlives a restart", async ({ emulator }) => {
    const dir = unpack("multi", "es");
    expect(typeErrors(dir)).toEqual([]);
    const file = await bundle(dir);
    const env = { BOT_TOKEN: emulator.token, BOT_API_ROOT: emulator.url };

    const first = start(dir, file, env);
    expect(await ask(emulator, "/favourite champiñones")).toBe("Apuntado: champiñones, en todos los chats que compartimos.");
    emulator.userSays("🍕");
    expect(await ask(emulator, "/hunger")).toBe("Pizzas comidas en este chat: 1. Tu favorito: champiñones.");
    await confirmed(emulator);
    await stop(first);

    // The chat fragment stayed in memory (the example's choice) and is gone; the user fragment was in files.
    start(dir, file, env);
    expect(await ask(emulator, "/hunger")).toBe("Pizzas comidas en este chat: 0. Tu favorito: champiñones.");
  });

  it("without BOT_TOKEN it stops at once and says where a token comes from", async ({ emulator }) => {
    const dir = unpack("pizza", "es");
    const bot = start(dir, await bundle(dir), { BOT_API_ROOT: emulator.url });
    expect(await exited(bot)).toBe(1);
    expect(bot.output()).toContain("Falta BOT_TOKEN. Pídele un token a @BotFather");
    expect(emulator.requests).toEqual([]);
  });
});
