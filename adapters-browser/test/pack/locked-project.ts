import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One package entry of a version-3 `package-lock.json`. */
interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** What {@link writeLockedProject} needs to know. */
export interface LockedProject {
  /** The empty folder that becomes the project. */
  dir: string;
  /** The packed package (`npm pack` output). */
  tarball: string;
  /** The `package.json` the tarball was packed from (its name, version and dependencies). */
  manifest: string;
  /**
   * A lockfile of the tree the tests run in, whose entries pin every other package: the hidden
   * `node_modules/.package-lock.json` npm keeps of what it installed.
   */
  lockfile: string;
  /** Registry packages to install beside the tarball, by name, at the versions that lockfile holds. */
  alongside: string[];
}

/**
 * Writes `package.json` and `package-lock.json` for a project that depends on the tarball and on the
 * `alongside` packages, so that `npm ci --offline` can install it from the npm cache.
 *
 * Why a lockfile: an offline `npm install grammy@1.46.0` needs grammY's registry metadata
 * ("packument") in the cache, and `npm ci` at the repository root never fetched it, only the
 * tarballs. A lockfile names each tarball by version and integrity, which is all npm needs to take it
 * from the cache. Entries are copied from the installed tree's lockfile, so the versions are the ones
 * the package's tests run against; the tarball's own entry is computed from the file itself.
 */
export function writeLockedProject(project: LockedProject): void {
  const treePackages = (JSON.parse(readFileSync(project.lockfile, "utf8")) as { packages: Record<string, LockEntry> })
    .packages;
  const manifest = JSON.parse(readFileSync(project.manifest, "utf8")) as {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const tarballSpec = `file:${project.tarball}`;
  const dependencies: Record<string, string> = { [manifest.name]: tarballSpec };
  for (const name of project.alongside) {
    const entry = treePackages[`node_modules/${name}`];
    if (!entry?.version) throw new Error(`${name} is not in ${project.lockfile}`);
    dependencies[name] = entry.version;
  }

  const packages: Record<string, LockEntry> = {
    "": { name: "pack-install-app", dependencies },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: tarballSpec,
      integrity: `sha512-${createHash("sha512").update(readFileSync(project.tarball)).digest("base64")}`,
      dependencies: manifest.dependencies,
      peerDependencies: manifest.peerDependencies,
    },
  };
  const pending = [...Object.keys(manifest.dependencies ?? {}), ...project.alongside].map((name) =>
    locate(treePackages, "", name),
  );
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (packages[path]) continue;
    // "dev"/"peer" describe the repository's tree, not this one: npm ci would skip such entries.
    const { dev: _dev, peer: _peer, devOptional: _devOptional, ...entry } = treePackages[path];
    packages[path] = entry;
    for (const name of Object.keys(entry.dependencies ?? {})) pending.push(locate(treePackages, path, name));
  }

  const write = (file: string, value: unknown) => writeFileSync(join(project.dir, file), JSON.stringify(value, null, 2));
  write("package.json", { name: "pack-install-app", private: true, type: "module", dependencies });
  write("package-lock.json", { name: "pack-install-app", lockfileVersion: 3, requires: true, packages });
}

/** Where Node would find `name` from the package at `from` in the lockfile's tree: nested first, then up. */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string {
  for (let base = from; ; ) {
    const path = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (packages[path]) return path;
    if (!base) throw new Error(`${name} (needed by ${from || "the project"}) is not in the lockfile`);
    const parent = base.lastIndexOf("/node_modules/");
    base = parent < 0 ? "" : base.slice(0, parent);
  }
}
