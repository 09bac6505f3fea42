/**
 * Warms esbuild up after it starts. V8 compiles a wasm function when it is first called and optimises it only
 * once it is hot, so a fresh esbuild takes ~0.5-2 s for its first build and tens of ms for the next ones.
 * Building a small program in the background moves that cost before the user's first Run.
 */
import { bundleProgram, type Esbuild } from "./bundle";

/** A small program touching what real ones do: TypeScript syntax, a registry import, a source map. */
const PROGRAM = 'import { Bot, type Context } from "grammy";\nconst bot = new Bot<Context>("");\nbot.on("message", (ctx) => ctx.reply("hi"));\n';

/** A build this fast means esbuild's hot code is optimised; warming stops. */
const WARM_MS = 15;
/** The most warm-up builds, so a slow machine does not spend its CPU on this for long. */
const MAX_BUILDS = 30;
/** How long to wait before looking again while the user's compiles run. */
const YIELD_MS = 25;

/**
 * Builds {@link PROGRAM} until a build is fast or {@link MAX_BUILDS} have run. Never starts one while `busy()`
 * says a real compile is running, so those never queue behind it. Errors end it silently: a broken esbuild
 * shows up on the real compile.
 */
export async function warmUp(esbuild: Esbuild, busy: () => boolean): Promise<void> {
  try {
    for (let build = 0; build < MAX_BUILDS; build++) {
      while (busy()) await new Promise((resolve) => setTimeout(resolve, YIELD_MS));
      const started = performance.now();
      await bundleProgram(esbuild, PROGRAM, "warm-up.ts");
      if (performance.now() - started < WARM_MS) return;
    }
  } catch {
    return;
  }
}
