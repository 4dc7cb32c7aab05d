/** The tab's figures page (issue 13). */
export const fi = {} as const;

export const en: Record<keyof typeof fi, string> = {};
