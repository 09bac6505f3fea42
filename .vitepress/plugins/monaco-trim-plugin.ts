import type { Plugin } from "vite";

/** Monaco's helper that its language services (TypeScript, JSON, CSS, HTML) use to start their workers. */
const WORKERS_HELPER = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]internal[\\/]common[\\/]workers\.js$/;
/** Any module of the monaco-editor package. */
const IN_MONACO = /[\\/]node_modules[\\/]monaco-editor[\\/]/;
/**
 * Ids of the modules that stand in for Monaco's CSS files: `\0monaco-style:<css path>.js`. The `.js`
 * matters — Vite's CSS plugin takes any id ending in `.css` for a stylesheet.
 */
const STYLE_PREFIX = "\0monaco-style:";
const STYLE_SUFFIX = ".js";

/**
 * Keeps Monaco's weight where it belongs, in production builds:
 *
 * 1. Monaco 0.57's `internal/common/workers.js` needs only `editor.createWebWorker`, yet it also
 *    imports every editor contribution (diff editor, sticky scroll, inline completions, colour picker,
 *    GPU rendering…) for their side effects. Through the TypeScript language service that put ~130 kB
 *    gzip of unused features on every editor load. Those bare imports are dropped from that one file;
 *    `monaco-setup.ts` imports the features the editor does use.
 * 2. VitePress builds with `cssCodeSplit: false` (not overridable), so the CSS that Monaco's modules
 *    import would land in the site-wide stylesheet: ~160 kB (23 kB gzip) on every docs page. Each of
 *    those CSS imports becomes a module that adds the stylesheet when Monaco's chunk runs instead.
 *
 * Not in `vite dev`: Monaco goes through dependency pre-bundling there, which plugins do not
 * transform, and dev injects CSS from JavaScript anyway.
 */
export function monacoTrimPlugin(): Plugin {
  return {
    name: "session-lab:monaco-trim",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!importer || !source.endsWith(".css") || !IN_MONACO.test(importer)) return undefined;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved ? STYLE_PREFIX + resolved.id + STYLE_SUFFIX : undefined;
    },
    load(id) {
      if (!id.startsWith(STYLE_PREFIX) || !id.endsWith(STYLE_SUFFIX)) return undefined;
      return styleModuleSource(id.slice(STYLE_PREFIX.length, -STYLE_SUFFIX.length));
    },
    transform(code, id) {
      if (!WORKERS_HELPER.test(id.split("?")[0]!)) return undefined;
      return { code: stripSideEffectImports(code), map: null };
    },
  };
}

/** Removes `import '…';` lines (imports that bind nothing); every other line is kept as it is. */
export function stripSideEffectImports(code: string): string {
  return code.replace(/^import\s+(['"])[^'"]+\1;?[ \t]*\r?\n/gm, "");
}

/**
 * The module that replaces one of Monaco's CSS files: Vite compiles the file (`?inline`, so its
 * `url()`s — the codicon font — still become hashed assets) and the module adds it to the page. An ES
 * module runs once per page, so each stylesheet is added once however many editors there are.
 */
export function styleModuleSource(cssPath: string): string {
  const name = cssPath.replace(/^.*[\\/]node_modules[\\/]/, "").replace(/\\/g, "/");
  return [
    `import css from ${JSON.stringify(`${cssPath}?inline`)};`,
    `const style = document.createElement("style");`,
    `style.dataset.monacoCss = ${JSON.stringify(name)};`,
    `style.textContent = css;`,
    `document.head.append(style);`,
    ``,
  ].join("\n");
}
