/**
 * The esbuild plugin that applies the resolver: allowed imports become registry shims, anything else fails
 * the build at the import's line.
 */
import type { Plugin } from "esbuild-wasm";
import type { AvailableModule } from "../protocol";
import { registryShim, resolveSpecifier } from "./resolver";
import type { Locale } from "../i18n/locale";

/** The esbuild namespace of the registry shims; it also shows up as their name in source maps. */
export const REGISTRY_NAMESPACE = "session-lab";

/**
 * Resolves every import of the program through {@link resolveSpecifier}, refusing in `locale`; nothing is read
 * from a file system.
 */
export function registryPlugin(locale: Locale = "en"): Plugin {
  return {
    name: "session-lab-registry",
    setup(build) {
      build.onResolve({ filter: /.*/ }, ({ path }) => {
        const resolution = resolveSpecifier(path, locale);
        // esbuild reports a plugin's error at the import statement that asked for the path.
        if (!resolution.ok) return { errors: [{ text: resolution.message }] };
        return { path: resolution.module, namespace: REGISTRY_NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: REGISTRY_NAMESPACE }, ({ path }) => ({
        // Only onResolve above puts paths in this namespace, and only available ones.
        contents: registryShim(path as AvailableModule),
        loader: "js",
      }));
    },
  };
}
