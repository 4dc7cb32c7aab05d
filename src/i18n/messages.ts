/**
 * Every text the user sees, Finnish first (the company's language) and English for English-locale
 * Teams users. Keys are shared by the bot, the tab and the domain's validation errors.
 */
const fi = {
  'app.name': 'HoivaCRM',
  'help.title': 'HoivaCRM – komennot',
  'help.intro': 'Kirjoita komento viestinä. Komennot toimivat suomeksi ja englanniksi.',
  'help.cmd.help': 'tämä ohje',
  'help.argument': 'nimi',
  'help.cmd.freePlace': 'kirjaa vapautunut tai vapautuva paikka – myynti saa tiedon heti',
  'help.cmd.places': 'vapaat ja vapautuvat paikat kodeittain',
  'help.cmd.channelSales': 'tee tästä kanavasta myynnin kanava (kirjoita kanavalla)',
  'help.cmd.channelManagement': 'tee tästä kanavasta johdon kanava (kirjoita kanavalla)',
  'command.unknown': 'En tunnista komentoa "{text}".',
  'command.didYouMean': 'Tarkoititko "{suggestion}"?',
  'form.placeFreed.title': 'Vapaa paikka',
  'form.placeFreed.intro': 'Kirjaa vapautunut tai vapautuva paikka. Myynti saa tiedon Myynti-kanavalle. Älä kirjaa asukkaan tietoja.',
  'form.placeFreed.careHome': 'Palvelutalo',
  'form.placeFreed.serviceType': 'Palvelumuoto',
  'form.placeFreed.customerGroup': 'Asiakasryhmä',
  'form.placeFreed.label': 'Paikka tai huone',
  'form.placeFreed.labelPlaceholder': 'esim. A12',
  'form.placeFreed.freeFrom': 'Vapaa alkaen',
  'form.placeFreed.note': 'Lisätieto (valinnainen)',
  'form.placeFreed.notePlaceholder': 'esim. huone remontoidaan ensin',
  'form.submit': 'Tallenna',
  'form.choose': 'Valitse…',
  'form.fixErrors': 'Tarkista merkityt kentät.',
  'placeFreed.saved': 'Tallennettu: {label}, {home} – {status} {date}. Myynti on saanut tiedon.',
  'placeFreed.savedAlready': 'Tämä lomake on jo tallennettu: {label}, {home} – {status} {date}.',
  'placeFreed.conflict': 'Joku muu muutti tätä paikkaa juuri. Katso tilanne komennolla "paikat" ja yritä uudelleen.',
  'card.placeFreed.title.vapaa': 'Vapaa paikka',
  'card.placeFreed.title.vapautuu': 'Vapautuva paikka',
  'card.placeFreed.home': 'Palvelutalo',
  'card.placeFreed.region': 'Alue',
  'card.placeFreed.place': 'Paikka',
  'card.placeFreed.serviceType': 'Palvelumuoto',
  'card.placeFreed.customerGroup': 'Asiakasryhmä',
  'card.placeFreed.freeFrom': 'Vapaa alkaen',
  'card.placeFreed.note': 'Lisätieto',
  'card.placeFreed.recorded': 'Kirjasi {name} {when}',
  'card.places.title': 'Vapaat ja vapautuvat paikat',
  'card.places.none': 'Ei vapaita eikä vapautuvia paikkoja juuri nyt.',
  'card.places.summary': '{count} paikkaa {homes} kodissa',
  'card.places.line': '{label} · {serviceType} · {customerGroup} · {status} {date}',
  'channel.bound.sales': 'Tämä kanava on nyt myynnin kanava: vapautuvat paikat ilmoitetaan tänne.',
  'channel.bound.management': 'Tämä kanava on nyt johdon kanava.',
  'channel.onlyInChannel': 'Kanavan voi sitoa vain tiimin kanavalla: kirjoita "kanava myynti" tai "kanava johto" siellä.',
  'channel.installed': 'HoivaCRM on asennettu tiimiin {team}. {bindings}',
  'channel.installedBinding': 'Kanava {channel} on {audience}.',
  'channel.installedNone': 'Sido kanavat kirjoittamalla kanavalla "kanava myynti" tai "kanava johto".',
  'audience.sales': 'myynnin kanava',
  'audience.management': 'johdon kanava',
  'status.kaytossa': 'käytössä',
  'status.vapautuu': 'vapautuu',
  'status.vapaa': 'vapaa',
  'status.alustavasti-varattu': 'alustavasti varattu',
  'statusDate.vapaa': 'alkaen',
  'statusDate.vapautuu': '',
  'serviceType.tehostettu': 'Tehostettu palveluasuminen',
  'serviceType.palveluasuminen': 'Palveluasuminen',
  'serviceType.lyhytaikainen': 'Lyhytaikainen palveluasuminen',
  'customerGroup.ikaantyneet': 'Ikääntyneet',
  'customerGroup.mielenterveys': 'Mielenterveyskuntoutujat',
  'region.etela-suomi': 'Etelä-Suomi',
  'region.lounais-suomi': 'Lounais-Suomi',
  'region.sisa-suomi': 'Sisä-Suomi',
  'validation.required': 'Pakollinen tieto puuttuu.',
  'validation.invalid': 'Arvo ei kelpaa.',
  'validation.invalidChoice': 'Valitse jokin vaihtoehdoista.',
  'validation.invalidDate': 'Anna päivämäärä muodossa vvvv-kk-pp.',
  'validation.tooLong': 'Enintään {maximum} merkkiä.',
  'validation.tooSmall': 'Vähintään {minimum}.',
  'place.unknownCareHome': 'Valitse palvelutalo listalta.',
  'place.freeFromTooFar': 'Päivämäärä voi olla enintään vuoden päässä.',
  'place.freeFromTooOld': 'Päivämäärä voi olla enintään vuoden takaa.',
  'place.notOccupiedOrFree': 'Paikka on jo tilassa "{status}"; sitä ei voi kirjata vapautuvaksi.',
  'place.changedByOther': 'Joku muu muutti tätä paikkaa juuri.',
  'privacy.personalIdentityCode': 'Älä kirjaa henkilötunnuksia.',
  'customer.invalidBusinessId': 'Y-tunnus on muotoa 1234567-8.',
  'contactLog.nextContactTopicRequired': 'Kerro seuraavan yhteydenoton aihe.',
  'agreement.endBeforeStart': 'Päättymispäivä on ennen alkamispäivää.',
  'meeting.endsBeforeStart': 'Kokous päättyy ennen kuin se alkaa.',
  'meeting.customerRequired': 'Vuosittainen kehityskokous pidetään asiakkaan kanssa: valitse asiakas.',
  'error.generic': 'Jokin meni vikaan, eikä mitään tallennettu. Yritä uudelleen.',
} as const;

export type MessageKey = keyof typeof fi;

const en: Record<MessageKey, string> = {
  'app.name': 'HoivaCRM',
  'help.title': 'HoivaCRM – commands',
  'help.intro': 'Type a command as a message. Commands work in Finnish and English.',
  'help.cmd.help': 'this help',
  'help.argument': 'name',
  'help.cmd.freePlace': 'record a freed or freeing place – sales hear at once',
  'help.cmd.places': 'free and freeing places per home',
  'help.cmd.channelSales': 'make this channel the sales channel (type it in the channel)',
  'help.cmd.channelManagement': 'make this channel the management channel (type it in the channel)',
  'command.unknown': 'I don\'t know the command "{text}".',
  'command.didYouMean': 'Did you mean "{suggestion}"?',
  'form.placeFreed.title': 'Free place',
  'form.placeFreed.intro': 'Record a place that is free or becomes free. Sales are told in the sales channel. Do not enter resident details.',
  'form.placeFreed.careHome': 'Care home',
  'form.placeFreed.serviceType': 'Service type',
  'form.placeFreed.customerGroup': 'Customer group',
  'form.placeFreed.label': 'Place or room',
  'form.placeFreed.labelPlaceholder': 'e.g. A12',
  'form.placeFreed.freeFrom': 'Free from',
  'form.placeFreed.note': 'Note (optional)',
  'form.placeFreed.notePlaceholder': 'e.g. the room is renovated first',
  'form.submit': 'Save',
  'form.choose': 'Choose…',
  'form.fixErrors': 'Please check the marked fields.',
  'placeFreed.saved': 'Saved: {label}, {home} – {status} {date}. Sales have been told.',
  'placeFreed.savedAlready': 'This form was already saved: {label}, {home} – {status} {date}.',
  'placeFreed.conflict': 'Someone else just changed this place. Check with "places" and try again.',
  'card.placeFreed.title.vapaa': 'Place free',
  'card.placeFreed.title.vapautuu': 'Place freeing',
  'card.placeFreed.home': 'Care home',
  'card.placeFreed.region': 'Region',
  'card.placeFreed.place': 'Place',
  'card.placeFreed.serviceType': 'Service type',
  'card.placeFreed.customerGroup': 'Customer group',
  'card.placeFreed.freeFrom': 'Free from',
  'card.placeFreed.note': 'Note',
  'card.placeFreed.recorded': 'Recorded by {name} {when}',
  'card.places.title': 'Free and freeing places',
  'card.places.none': 'No free or freeing places right now.',
  'card.places.summary': '{count} places in {homes} homes',
  'card.places.line': '{label} · {serviceType} · {customerGroup} · {status} {date}',
  'channel.bound.sales': 'This channel is now the sales channel: freed places are announced here.',
  'channel.bound.management': 'This channel is now the management channel.',
  'channel.onlyInChannel': 'Only a team channel can be bound: type "channel sales" or "channel management" there.',
  'channel.installed': 'HoivaCRM was installed in the team {team}. {bindings}',
  'channel.installedBinding': 'The channel {channel} is the {audience}.',
  'channel.installedNone': 'Bind channels by typing "channel sales" or "channel management" in them.',
  'audience.sales': 'sales channel',
  'audience.management': 'management channel',
  'status.kaytossa': 'occupied',
  'status.vapautuu': 'freeing',
  'status.vapaa': 'free',
  'status.alustavasti-varattu': 'preliminarily reserved',
  'statusDate.vapaa': 'from',
  'statusDate.vapautuu': 'on',
  'serviceType.tehostettu': '24-hour enhanced service housing',
  'serviceType.palveluasuminen': 'Service housing',
  'serviceType.lyhytaikainen': 'Short-term service housing',
  'customerGroup.ikaantyneet': 'Older people',
  'customerGroup.mielenterveys': 'Mental-health rehabilitation',
  'region.etela-suomi': 'Southern Finland',
  'region.lounais-suomi': 'Southwest Finland',
  'region.sisa-suomi': 'Central Finland',
  'validation.required': 'This field is required.',
  'validation.invalid': 'This value is not valid.',
  'validation.invalidChoice': 'Choose one of the options.',
  'validation.invalidDate': 'Enter a date as yyyy-mm-dd.',
  'validation.tooLong': 'At most {maximum} characters.',
  'validation.tooSmall': 'At least {minimum}.',
  'place.unknownCareHome': 'Choose a care home from the list.',
  'place.freeFromTooFar': 'The date can be at most a year ahead.',
  'place.freeFromTooOld': 'The date can be at most a year back.',
  'place.notOccupiedOrFree': 'The place is already "{status}"; it cannot be recorded as freed.',
  'place.changedByOther': 'Someone else just changed this place.',
  'privacy.personalIdentityCode': 'Do not enter personal identity codes.',
  'customer.invalidBusinessId': 'A business id looks like 1234567-8.',
  'contactLog.nextContactTopicRequired': 'Give the topic of the next contact.',
  'agreement.endBeforeStart': 'The end date is before the start date.',
  'meeting.endsBeforeStart': 'The meeting ends before it starts.',
  'meeting.customerRequired': 'A yearly development meeting is held with a customer: choose one.',
  'error.generic': 'Something went wrong and nothing was saved. Please try again.',
};

export type Locale = 'fi' | 'en';
export const catalogs: Record<Locale, Record<MessageKey, string>> = { fi, en };

/** Teams sends the user's locale (e.g. `en-US`, `fi-FI`); anything not English is shown in Finnish. */
export function localeFrom(teamsLocale: string | undefined, fallback: Locale = 'fi'): Locale {
  if (!teamsLocale) return fallback;
  return teamsLocale.toLowerCase().startsWith('en') ? 'en' : teamsLocale.toLowerCase().startsWith('fi') ? 'fi' : fallback;
}

export function isMessageKey(key: string): key is MessageKey {
  return key in fi;
}

/** Translates a key, filling `{name}` placeholders; an unknown key shows itself, so a gap is visible, not blank. */
export function t(locale: Locale, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? catalogs[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Dates as people read them: 1.12.2026 in Finnish, 1 Dec 2026 in English. */
export function formatDate(locale: Locale, isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return locale === 'fi'
    ? `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`
    : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'fi' ? 'fi-FI' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Helsinki',
  }).format(new Date(iso));
}
