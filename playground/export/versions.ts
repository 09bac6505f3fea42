/**
 * The versions the exported project asks for, read from the packages installed here when the site is
 * built (Vite inlines just the `version` field): the project gets the grammY the playground runs and
 * the adapters the export was tested with, so a new grammY needs no edit here.
 */
import { version as grammy } from "../../node_modules/grammy/package.json";
import { version as storageFile } from "../../node_modules/@grammyjs/storage-file/package.json";
import { version as storageFree } from "../../node_modules/@grammyjs/storage-free/package.json";
import { version as typescript } from "../../node_modules/typescript/package.json";
import { version as typesNode } from "../../node_modules/@types/node/package.json";
import { version as runner } from "../../node_modules/@grammyjs/runner/package.json";
import { version as idbKeyval } from "../../node_modules/idb-keyval/package.json";

/**
 * tsx runs the TypeScript program in Node (it is not installed here: nothing in this repository runs
 * it, the export test bundles with esbuild instead); the range gets the newest 4.x (4.23 when written).
 */
const TSX_RANGE = "^4.20.0";

/** Caret ranges (`^1.46.0`) of every package an exported project may depend on. */
export const EXPORT_VERSIONS = {
  grammy: `^${grammy}`,
  "@grammyjs/storage-file": `^${storageFile}`,
  "@grammyjs/storage-free": `^${storageFree}`,
  "@grammyjs/runner": `^${runner}`,
  "idb-keyval": `^${idbKeyval}`,
  typescript: `^${typescript}`,
  "@types/node": `^${typesNode}`,
  tsx: TSX_RANGE,
} as const;
