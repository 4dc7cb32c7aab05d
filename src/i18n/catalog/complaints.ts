/** SLOT for the complaint flow's texts. Finnish first, English beside it. */
export const fi = {
  'help.cmd.complaint': 'kirjaa kunnan reklamaatio – johto, laatupäällikkö ja myynti saavat tiedon',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'help.cmd.complaint': 'record a complaint from a municipality – management, the quality manager and sales are told',
};
