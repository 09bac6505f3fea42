import type { LiveStrings } from "../../playground/live/strings";

/** El modo en vivo de /es/playground: tu propio bot con la Bot API real. */
export const live: LiveStrings = {
  region: "Telegram: simulado o tu propio bot",
  mode: "Telegram",
  simulated: "Simulado",
  live: "En vivo (tu bot)",
  simulatedHint: "Un Telegram simulado en esta página; no se envía nada a ninguna parte.",
  tokenLabel: "Token del bot",
  tokenPlaceholder: "Pega el token que te dio @BotFather",
  tokenKept: (masked) => `Token guardado para esta pestaña: ${masked}`,
  settings: "Token y servidor",
  forgetToken: "Olvidar token",
  apiRootLabel: "Servidor de la Bot API",
  apiRootHint: "El de Telegram, salvo que uses un servidor local de la Bot API.",
  noticeToken:
    "Tu token se queda solo en esta pestaña del navegador (sessionStorage). Nunca va en los enlaces para compartir, ni en los borradores guardados ni en los registros, y se muestra enmascarado.",
  noticeWhat:
    "Pulsa Ejecutar: tu programa se ejecuta aquí y consulta Telegram con long polling usando tu token. Los mensajes que le manden a tu bot desde cualquier app de Telegram aparecen en el panel del chat, cada lectura y escritura de sesión en el tráfico de almacenamiento, y las sesiones se quedan en el IndexedDB de este navegador. Detener, salir de la página o volver a Simulado termina el polling. Igual que en un servidor, bot.start() quita el webhook del bot si tiene uno.",
  noticeTrust: "Ejecuta solo código de confianza: con tu token, un programa puede hacer todo lo que puede hacer tu bot.",
  connected: (name) => `${name} está en vivo: escríbele desde cualquier app de Telegram.`,
  statusRunning: "En marcha: escríbele a tu bot desde cualquier app de Telegram.",
  openInTelegram: "Abrir en Telegram",
  chatHint:
    "Modo en vivo: los mensajes llegan de Telegram. Escríbele a tu bot desde cualquier app de Telegram; lo que le manden y lo que responda aparece aquí.",
  problems: {
    noToken: { title: "El modo en vivo necesita el token de tu bot.", action: "Pega en Token del bot el token que te dio @BotFather y pulsa Ejecutar." },
    badRootInvalid: {
      title: "El servidor de la Bot API no es una dirección válida.",
      action: "Escribe una dirección completa como https://api.telegram.org o http://127.0.0.1:8081, sin ? ni #, o deja el campo vacío para usar el de Telegram.",
    },
    badRootScheme: {
      title: "El servidor de la Bot API tiene que ser una dirección http o https.",
      action: "Escríbela como https://… (o http://… para un servidor en tu propio ordenador), o deja el campo vacío para usar el de Telegram.",
    },
    unauthorized: {
      title: "Telegram rechazó el token (401 Unauthorized).",
      action: "El token es incorrecto o fue revocado. Compruébalo con @BotFather (/mybots → tu bot → API Token), pégalo de nuevo y pulsa Ejecutar.",
    },
    notFound: {
      title: "El servidor de la Bot API no reconoció la petición (404 Not Found).",
      action: "Seguramente el token está incompleto (tiene la forma 123456789:AA…, con los dos puntos), o el campo del servidor apunta a algo que no es un servidor de la Bot API.",
    },
    conflictWebhook: {
      title: "Alguien configuró un webhook para tu bot mientras consultaba con polling (409 Conflict).",
      action:
        "Telegram entrega las actualizaciones o a un webhook o por polling, no de las dos formas. Algo configuró uno (lo más probable, un servidor que ejecuta este bot con webhook): detenlo, o quita el webhook con deleteWebhook, y pulsa Ejecutar (bot.start() quita el webhook al arrancar).",
    },
    conflictPoller: {
      title: "Otro programa está consultando este bot (409 Conflict).",
      action:
        "Telegram deja que un solo programa a la vez reciba las actualizaciones de un bot. Detén el otro (un servidor, una terminal, otra pestaña con este playground) y pulsa Ejecutar.",
    },
    flood: (seconds) => ({
      title: "Telegram le pide al bot que vaya más despacio (429 Too Many Requests).",
      action:
        seconds === undefined
          ? "grammY espera y lo vuelve a intentar por sí solo; no hace falta hacer nada salvo que se repita."
          : `grammY espera ${seconds} s, como pidió Telegram, y lo vuelve a intentar por sí solo; no hace falta hacer nada salvo que se repita.`,
    }),
    unreachable: (root) => ({
      title: `El servidor de la Bot API en ${root} no responde.`,
      action:
        "Comprueba que tienes conexión y que la dirección es correcta. Un servidor local de la Bot API tiene que estar en marcha y aceptar peticiones de esta página (CORS); mientras tanto, grammY sigue intentándolo.",
    }),
  },
};
