/**
 * The environment for an `npm` child process started from a test. Under `npm test` the parent's
 * variables include `npm_config_local_prefix` (the repository root) and the running package's
 * `npm_package_*` fields; an `npm ci` handed those would install into the repository instead of the
 * empty project beside it. Only the settings that say where the cache and registry are pass through.
 */
export function npmChildEnv(): NodeJS.ProcessEnv {
  const kept = new Set(["npm_config_cache", "npm_config_userconfig", "npm_config_registry", "npm_config_cafile"]);
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.toLowerCase().startsWith("npm_") && !kept.has(name.toLowerCase())) continue;
    env[name] = value;
  }
  env.npm_config_update_notifier = "false";
  return env;
}
