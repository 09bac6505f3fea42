import type { SearchStrings } from "../types";

/** The search box. */
export const search: SearchStrings = {
  button: { buttonText: "Buscar", buttonAriaLabel: "Buscar" },
  modal: {
    displayDetails: "Mostrar lista detallada",
    resetButtonTitle: "Borrar la búsqueda",
    backButtonTitle: "Cerrar la búsqueda",
    noResultsText: "No hay resultados para",
    footer: {
      selectText: "para elegir",
      selectKeyAriaLabel: "intro",
      navigateText: "para moverte",
      navigateUpKeyAriaLabel: "flecha arriba",
      navigateDownKeyAriaLabel: "flecha abajo",
      closeText: "para cerrar",
      closeKeyAriaLabel: "escape",
    },
  },
};
