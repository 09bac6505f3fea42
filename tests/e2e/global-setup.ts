import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { ensureChromium } from "../../scripts/chromium";
import { serveStatic } from "../../scripts/serve";

// SITE_DIST lets a developer test a build made elsewhere (`vitepress build --outDir …`).
const dist = process.env.SITE_DIST ?? fileURLToPath(new URL("../../.vitepress/dist", import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build once for all end-to-end files, and makes sure Chromium is there. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error("No production build in .vitepress/dist: run `npm run build` first (npm test does).");
  }
  ensureChromium();
  const server = await serveStatic(dist);
  project.provide("baseUrl", server.url);
  return () => server.close();
}
