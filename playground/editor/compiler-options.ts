/**
 * The TypeScript settings the editor's language service checks the user's program with.
 *
 * Plain numbers instead of Monaco's enums: Monaco 0.57's `ModuleResolutionKind` stops at `NodeJs`
 * and its `ScriptTarget` at ES2020, but the options go to TypeScript 5.9 inside the worker
 * untouched, and TypeScript knows `Bundler` (100) and `ES2022` (9). Keeping the module free of
 * Monaco also lets the Node tests run a real language service with exactly these options.
 */
export const EDITOR_COMPILER_OPTIONS = {
  strict: true,
  /** ts.ScriptTarget.ES2022 */
  target: 9,
  /** ts.ModuleKind.ESNext */
  module: 99,
  /** ts.ModuleResolutionKind.Bundler: understands package.json `exports` ("grammy/web", "grammy/types"). */
  moduleResolution: 100,
  /** ts.ModuleDetectionKind.Force: a snippet without imports is still a module, so its names don't leak between editors. */
  moduleDetection: 3,
  // Programs run in a dedicated Worker: ES2022 plus the worker globals (IndexedDB, fetch, setTimeout), no DOM.
  // TypeScript wants lib file names when options are given directly rather than through a tsconfig.
  lib: ["lib.es2022.d.ts", "lib.webworker.d.ts", "lib.webworker.iterable.d.ts", "lib.webworker.asynciterable.d.ts"],
  // No automatic @types lookup: the virtual node_modules only holds what the playground can import.
  types: [] as string[],
  // esbuild compiles one file at a time; flag what it could not compile faithfully.
  isolatedModules: true,
  esModuleInterop: true,
  skipLibCheck: true,
  // The adapter package is served as TypeScript source and may import "./x.ts"; that needs noEmit.
  allowImportingTsExtensions: true,
  noEmit: true,
  allowNonTsExtensions: true,
};
