/** Texts of the person's own view of a shared card (Universal Actions): confirmations and private answers. */
export const fi = {
  'view.onlyYou': 'Vain sinä näet tämän vastauksen.',
  'view.back': 'Takaisin',
  'view.place.confirmSell': 'Merkitäänkö paikka {label} myydyksi asiakkaalle {customer}?',
  'view.place.confirmRelease': 'Perutaanko paikan {label} alustava varaus ({customer})? Paikka tulee taas varattavaksi.',
  'view.place.yesSell': 'Kyllä, merkitse myydyksi',
  'view.place.yesRelease': 'Kyllä, peru varaus',
  'view.place.gone': 'Paikkaa ei löydy enää.',
  'view.complaint.gone': 'Reklamaatiota ei löydy enää.',
  'view.yourText': 'Kirjoittamasi teksti (ei tallennettu):',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'view.onlyYou': 'Only you can see this answer.',
  'view.back': 'Back',
  'view.place.confirmSell': 'Mark the place {label} sold to {customer}?',
  'view.place.confirmRelease': 'Release the preliminary reservation of the place {label} ({customer})? The place can be reserved again.',
  'view.place.yesSell': 'Yes, mark sold',
  'view.place.yesRelease': 'Yes, release',
  'view.place.gone': 'The place no longer exists.',
  'view.complaint.gone': 'The complaint no longer exists.',
  'view.yourText': 'What you wrote (not saved):',
};
