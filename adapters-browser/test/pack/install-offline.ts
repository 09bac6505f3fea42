import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { writeLockedProject, type LockedProject } from "./locked-project.js";
import { npmChildEnv } from "./npm-env.js";

/** How the project got its packages: a real `npm ci`, or the fallback described below. */
export type InstallPath = "npm ci --offline" | "tarball unpacked, registry packages linked";

/**
 * Installs the tarball and the `alongside` packages into the empty folder `project.dir`, without the
 * network. First as a user would, with npm (`npm ci --offline` from a lockfile, see
 * {@link writeLockedProject}); when the npm cache lacks a tarball, by unpacking ours with `tar` into
 * `node_modules/` and linking the others from `repositoryModules` (Node follows the link to the real
 * folder, where their own dependencies are found). Either way the package itself is the packed one.
 */
export function installOffline(project: LockedProject & { repositoryModules: string }): InstallPath {
  const env = npmChildEnv();
  try {
    writeLockedProject(project);
    execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--prefix", project.dir], {
      cwd: project.dir,
      env,
      stdio: "pipe",
    });
    return "npm ci --offline";
  } catch (error) {
    console.warn(`npm ci --offline failed, unpacking and linking instead:\n${String((error as { stderr?: unknown }).stderr ?? error)}`);
  }
  const target = join(project.dir, "node_modules", "@session-lab", "adapters-browser");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", project.tarball, "-C", target, "--strip-components=1"]);
  for (const name of ["idb-keyval", ...project.alongside]) {
    const link = join(project.dir, "node_modules", name);
    mkdirSync(join(link, ".."), { recursive: true });
    symlinkSync(join(project.repositoryModules, name), link, "dir");
  }
  return "tarball unpacked, registry packages linked";
}
