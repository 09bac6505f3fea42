/**
 * Served by `playgroundTypesPlugin()` (types-plugin.ts): the declaration files of every package a
 * playground program may import, keyed by their `file:///node_modules/...` URI.
 */
declare module "virtual:playground-types" {
  const files: Record<string, string>;
  export default files;
}
