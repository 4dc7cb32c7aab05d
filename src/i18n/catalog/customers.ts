/** Texts for the customer card (asiakas). Finnish first, English beside it. SLOT: filled in by the flow that owns it. */
export const fi = {} as const;

export const en: Record<keyof typeof fi, string> = {};
