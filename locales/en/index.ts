/** Every part of this language's folder, under the names of `LocaleStrings` (`locales/types.ts`). */
export { site } from "./site";
export { themeLabels, markdownLabels } from "./labels";
export { search } from "./search";
export { hero } from "./hero";
export { playground } from "./playground";
export { embed } from "./embed";
export { compiler } from "./compiler";
export { editor } from "./editor";
export { validator } from "./validator";
export { comparison } from "./comparison";
export { deadlines } from "./deadlines";
export { compareEmbed } from "./compare-embed";
export { concurrency } from "./concurrency";
export { scenarioErrors, verdict, programText } from "./scenario";
export { presets } from "./presets";
export { exportStrings } from "./export";
export { live } from "./live";
