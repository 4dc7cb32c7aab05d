/** The tab's REST API (src/api, issue 13): the `message` of its typed error bodies. */
export const fi = {
  'api.unauthorized': 'Kirjautuminen puuttuu tai ei kelpaa. Avaa välilehti uudelleen Teamsissa.',
  'api.localUserRequired': 'Paikallinen tila: valitse henkilö ("Paikallinen tila" -valitsin), jonka nimissä toimit.',
  'api.notInPeopleList': 'Et ole HoivaCRM:n henkilölistalla. Pyydä ylläpitäjää lisäämään sinut.',
  'api.invalid': 'Pyynnössä on virheellisiä tietoja.',
  'api.notFound': 'Tätä ei löytynyt.',
  'api.conflict': 'Joku muu ehti muuttaa tätä ensin. Lataa tiedot uudelleen.',
  'api.changedFirst': '{by} muutti paikkaa {label} ensin ({at}); sen tila on nyt {status}. Lataa tiedot uudelleen.',
  'api.internal': 'Jokin meni pieleen palvelimella. Yritä hetken kuluttua uudelleen.',
  'api.malformed': 'Pyyntö ei ole kelvollista JSONia.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'api.unauthorized': 'Sign-in is missing or not valid. Open the tab again in Teams.',
  'api.localUserRequired': 'Local mode: choose the person you act as (the "Local mode" picker).',
  'api.notInPeopleList': 'You are not in HoivaCRM\'s people list. Ask an administrator to add you.',
  'api.invalid': 'The request has invalid values.',
  'api.notFound': 'Not found.',
  'api.conflict': 'Someone else changed this first. Load the data again.',
  'api.changedFirst': '{by} changed the place {label} first ({at}); it is now {status}. Load the data again.',
  'api.internal': 'Something went wrong on the server. Try again in a moment.',
  'api.malformed': 'The request is not valid JSON.',
};
