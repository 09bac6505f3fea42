/**
 * Ready-made scenarios for the comparison views, each in English and Spanish. Both languages
 * send the same updates (same people, places, commands, pizzas and buttons; only the chatter is
 * translated), so the counts a view shows do not depend on the page's language.
 */
import type { Localized } from "./format";
import type { KeyStrategy, ProgramComparison } from "./programs";

/** Which view a preset is made for. */
export type PresetView = ProgramComparison | "concurrency";

/** One ready-made scenario. */
export interface ScenarioPreset {
  id: string;
  /** The views it suits, the one it was made for first. */
  views: readonly PresetView[];
  title: Localized;
  description: Localized;
  /** The scenario in the format of `format.ts`. */
  text: Localized;
  /** For the concurrency view: the session key under which the updates collide. */
  key?: KeyStrategy;
}

/** Lines as `[person, place, English content, Spanish content]`; content without letters is shared. */
type Line = readonly [person: string, place: string, en: string, es?: string];

function scenario(comment: Localized, lines: readonly Line[]): Localized {
  const text = (locale: "en" | "es") =>
    [`# ${comment[locale]}`, ...lines.map(([person, place, en, es]) => `${person} @ ${place}: ${locale === "es" ? (es ?? en) : en}`)].join("\n");
  return { en: text("en"), es: text("es") };
}

/** A group where most messages are chatter: strict sessions read every one of them, lazy ones only what the handlers touch. */
const busyGroup: ScenarioPreset = {
  id: "busy-group",
  views: ["strict-vs-lazy", "keys"],
  title: { en: "A busy group", es: "Un grupo con mucho movimiento" },
  description: {
    en: "Ten messages in a group: two add a pizza, two ask /hunger, six are chatter the bot ignores. Strict sessions read the storage for all ten; lazy sessions only for the four that touch ctx.session.",
    es: "Diez mensajes en un grupo: dos suman una pizza, dos piden /hunger y seis son charla que el bot ignora. Las sesiones estrictas leen el almacenamiento en los diez; las perezosas, solo en los cuatro que tocan ctx.session.",
  },
  text: scenario({ en: "Ten updates in one group chat", es: "Diez actualizaciones en un mismo grupo" }, [
    ["ana", "group", "morning everyone!", "¡buenos días a todos!"],
    ["ben", "group", "who is up for lunch?", "¿quién se apunta a comer?"],
    ["chloe", "group", "I love 🍕", "me encanta la 🍕"],
    ["ana", "group", "same here", "a mí también"],
    ["ben", "group", "/hunger"],
    ["chloe", "group", "one more 🍕", "otra 🍕 más"],
    ["ana", "group", "ok, see you at one", "vale, nos vemos a la una"],
    ["ben", "group", "/hunger"],
    ["chloe", "group", "bring napkins", "trae servilletas"],
    ["ana", "group", "will do", "hecho"],
  ]),
};

/** A private chat where every update touches the session: lazy sessions have nothing to skip. */
const privateChat: ScenarioPreset = {
  id: "private-chat",
  views: ["strict-vs-lazy"],
  title: { en: "A private chat", es: "Un chat privado" },
  description: {
    en: "Ana talks to the bot alone, and every message adds a pizza or asks for the count. Both kinds of session read and write on every update: here lazy sessions save nothing.",
    es: "Ana habla a solas con el bot y cada mensaje suma una pizza o pide la cuenta. Los dos tipos de sesión leen y escriben en cada actualización: aquí las sesiones perezosas no ahorran nada.",
  },
  text: scenario({ en: "Every update touches the session", es: "Cada actualización toca la sesión" }, [
    ["ana", "private", "🍕"],
    ["ana", "private", "another 🍕 please", "otra 🍕, por favor"],
    ["ana", "private", "/hunger"],
    ["ana", "private", "[button pizza:add]"],
    ["ana", "private", "🍕🍕"],
    ["ana", "private", "/hunger"],
  ]),
};

/** Chat updates mixed with inline queries and poll answers, which have no chat and so no default session key. */
const inlineMix: ScenarioPreset = {
  id: "inline-mix",
  views: ["strict-vs-lazy", "keys"],
  title: { en: "Chats, inline queries and a poll", es: "Chats, consultas inline y una encuesta" },
  description: {
    en: "Messages in a group and in private chats, mixed with inline queries and poll answers. Chatter costs a read under strict sessions only. Inline queries and poll answers belong to no chat: with the default key they get no session and cause no storage call, even under strict sessions. A per-user key gives inline queries a session; poll answers still have none.",
    es: "Mensajes en un grupo y en chats privados, mezclados con consultas inline y respuestas a una encuesta. La charla cuesta una lectura solo con sesiones estrictas. Las consultas inline y las respuestas a encuestas no pertenecen a ningún chat: con la clave por defecto no tienen sesión ni provocan llamadas al almacenamiento, ni siquiera con sesiones estrictas. Con una clave por usuario, las consultas inline sí tienen sesión; las respuestas a encuestas siguen sin tenerla.",
  },
  text: scenario({ en: "Updates with and without a chat", es: "Actualizaciones con chat y sin chat" }, [
    ["ana", "group", "I love 🍕", "me encanta la 🍕"],
    ["chloe", "inline", "pizza places", "pizzerías"],
    ["ben", "group", "anyone hungry?", "¿alguien tiene hambre?"],
    ["ben", "group", "/hunger"],
    ["ben", "poll", "0"],
    ["chloe", "private", "🍕 for me too", "🍕 para mí también"],
    ["ana", "inline", "margherita"],
    ["chloe", "poll", "1"],
    ["ana", "group", "[button pizza:add]"],
    ["chloe", "group", "see you later", "hasta luego"],
    ["chloe", "private", "/hunger"],
  ]),
};

/** One person adding pizzas in two chats at the same moment, under a key both updates share. */
const lostUpdate: ScenarioPreset = {
  id: "lost-update",
  views: ["concurrency"],
  key: "user",
  title: { en: "Two pizzas at the same moment", es: "Dos pizzas en el mismo instante" },
  description: {
    en: "Ana sends a pizza in her private chat and another in the group at the same moment. With a per-user key both updates load the same session. Handled one after another (as bot.start() does), the count ends at 2. Handled concurrently (a webhook server, grammY's runner), both read the old value and the second write overwrites the first: one pizza is lost.",
    es: "Ana manda una pizza en su chat privado y otra en el grupo en el mismo instante. Con una clave por usuario, las dos actualizaciones cargan la misma sesión. Si se procesan una detrás de otra (como hace bot.start()), la cuenta termina en 2. Si se procesan a la vez (un servidor de webhooks, el runner de grammY), las dos leen el valor antiguo y la segunda escritura pisa la primera: se pierde una pizza.",
  },
  text: scenario({ en: "Sent at the same moment", es: "Enviadas en el mismo instante" }, [
    ["ana", "private", "🍕"],
    ["ana", "group", "🍕"],
  ]),
};

/** Every preset, in the order a picker shows them. */
export const PRESETS: readonly ScenarioPreset[] = [busyGroup, privateChat, inlineMix, lostUpdate];

/** The presets that suit `view`, in picker order. */
export function presetsFor(view: PresetView): ScenarioPreset[] {
  return PRESETS.filter((p) => p.views.includes(view));
}

/** The preset with `id`, if there is one. */
export function presetById(id: string): ScenarioPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
