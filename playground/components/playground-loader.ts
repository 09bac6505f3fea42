/**
 * A stepping stone between the docs page and the playground chunk. VitePress preloads every chunk the
 * theme imports dynamically, on every page; importing the playground through this module means only this
 * module is preloaded there, and the playground itself is fetched when a reader opens one.
 */
export function loadPlaygroundApp() {
  return import("./PlaygroundApp.vue");
}
