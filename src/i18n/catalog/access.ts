/** Who may do what (src/app/authorize.ts): refusals that name the scope, channel bindings kept by admins. */
export const fi = {
  'auth.outOfScope': 'Roolisi ei ulotu tänne ({where}): voit tehdä tämän vain omien kotiesi tai alueesi tiedoille. Mitään ei tallennettu.',
  'auth.outsider': 'Et ole HoivaCRM:n henkilölistalla. Ylläpitäjän on lisättävä sinut, ennen kuin voit kirjata tai lukea tietoja. "ohje" kertoo komennot.',
  'auth.outsiderHelp': 'Et ole vielä HoivaCRM:n henkilölistalla: ylläpitäjän on lisättävä sinut, ennen kuin voit kirjata tai lukea tietoja. Nämä ovat komennot:',
  'place.reservedUseRelease': 'Paikka on alustavasti varattu asiakkaalle {customer} (varasi {by}). Peru varaus ensin paikan kortista ("Peru varaus"); varausta ei pureta kirjaamalla paikkaa vapaaksi.',
  'channel.install.kept': 'HoivaCRM asennettiin tiimiin {team}, mutta kanavat on jo sidottu, joten mitään ei muutettu ({bindings}). Ylläpitäjä voi siirtää kanavan kirjoittamalla siellä "kanava myynti" tai "kanava johto".',
  'channel.install.notice.title': 'HoivaCRM asennettiin toiseen tiimiin',
  'channel.install.notice.text': '{who} asensi HoivaCRM:n tiimiin {team} ({time}). Kanavien sidontoja ei muutettu: {bindings}. Jos kanavat kuuluu siirtää, ylläpitäjä kirjoittaa uudella kanavalla "kanava myynti" tai "kanava johto".',
  'channel.bindingLine': '{audience}: {channel}',
  'channel.bindingNone': 'ei sidottuja kanavia',
  'channel.bound.moved': 'Siirretty kanavalta {from}.',
  'customerCard.summaryVariant': 'Tiivistelmä: reklamaatioiden tekstit ja yhteyshenkilöiden muistiinpanot näkyvät vain johdolle, laatupäällikölle ja kyseiselle kodille.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'auth.outOfScope': 'Your role does not reach here ({where}): you can do this only for your own homes or region. Nothing was saved.',
  'auth.outsider': 'You are not in HoivaCRM\'s people list. An administrator must add you before you can record or read anything. "help" lists the commands.',
  'auth.outsiderHelp': 'You are not in HoivaCRM\'s people list yet: an administrator must add you before you can record or read anything. These are the commands:',
  'place.reservedUseRelease': 'The place is preliminarily reserved for {customer} (by {by}). Release the reservation on the place\'s card first ("Release"); recording the place free does not end a reservation.',
  'channel.install.kept': 'HoivaCRM was installed in the team {team}, but the channels are already bound, so nothing was changed ({bindings}). An administrator can move a channel by typing "channel sales" or "channel management" in it.',
  'channel.install.notice.title': 'HoivaCRM was installed in another team',
  'channel.install.notice.text': '{who} installed HoivaCRM in the team {team} ({time}). The channel bindings were not changed: {bindings}. If the channels should move, an administrator types "channel sales" or "channel management" in the new channel.',
  'channel.bindingLine': '{audience}: {channel}',
  'channel.bindingNone': 'no channels bound',
  'channel.bound.moved': 'Moved from the channel {from}.',
  'customerCard.summaryVariant': 'Summary: complaint texts and notes about contacts are shown only to management, the quality manager and the home concerned.',
};
