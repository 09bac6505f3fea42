/** Packs an exported project's files into one zip, with fflate (already the playground's zip library). */
import { strToU8, zipSync, type Zippable } from "fflate";

/**
 * The zip of `files` (path → text), every file inside one folder named `folder`, so unzipping it
 * makes one directory rather than scattering files. Dates are fixed so the same project gives the
 * same bytes.
 */
export function zipProject(files: Record<string, string>, folder: string): Uint8Array {
  const entries: Zippable = {};
  for (const [path, text] of Object.entries(files)) entries[`${folder}/${path}`] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
}
