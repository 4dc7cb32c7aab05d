/** The tab's complaints page (issue 13). */
export const fi = {} as const;

export const en: Record<keyof typeof fi, string> = {};
