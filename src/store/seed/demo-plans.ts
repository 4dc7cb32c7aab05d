import type { CustomerPlan } from '../../domain/records/customer-plan.js';
import { stableIdFor } from '../../domain/stable-id.js';
import type { RecordWrite } from '../store-port.js';

type Meta = Pick<CustomerPlan, 'version' | 'createdAt' | 'createdBy' | 'updatedAt'>;

const person = (userId: string) => stableIdFor(`person:${userId}`);
const jukka = person('00000000-0000-0000-0000-0000000000023');
const aino = person('00000000-0000-0000-0000-0000000000024');
const kaisa = person('00000000-0000-0000-0000-0000000000020');
const mikko = person('00000000-0000-0000-0000-0000000000021');

/**
 * Issue 12: customer plans of the demo year for two customers, so `suunnitelma Helsinki` and the customer
 * card show an annual clock on first start. The seed queues no reminders (it writes no outbox rows); saving
 * the plan once in the demo queues them.
 */
export function demoPlanWrites(meta: Meta, year: number): RecordWrite[] {
  const plan = (customer: string, fields: Omit<CustomerPlan, keyof Meta | 'id' | 'customerId' | 'year'>): RecordWrite => ({
    kind: 'customerPlan',
    record: { ...meta, id: stableIdFor(`customerPlan:${stableIdFor(`customer:${customer}`)}:${year}`), customerId: stableIdFor(`customer:${customer}`), year, ...fields },
    expectedVersion: null,
  });
  const encounter = (key: string, e: Omit<CustomerPlan['plannedEncounters'][number], 'id'>) => ({ id: stableIdFor(`demo-encounter:${year}:${key}`), ...e });
  return [
    plan('Helsingin kaupunki', {
      goal: 'Ostopalvelusopimuksen optiovuosi käyttöön ja ympärivuorokautisten paikkojen määrä kasvuun.',
      targets: 'Käyttöaste Merikodissa 95 %; vastausaika palveluohjaajan kyselyihin alle päivä.',
      responsibilities: 'Aluejohtaja vastaa asiakkuudesta, Merikodin johtaja arjen yhteistyöstä, myynti tarjouksista.',
      actions: 'Kehityskokous keväällä, hinta- ja optioneuvottelu syksyllä, asiakastilaisuus joulun alla.',
      plannedEncounters: [
        encounter('hel-1', { month: 3, day: 12, kind: 'kehityskokous', ownerId: jukka, withRole: 'palvelujohtaja', note: 'Vuoden kehityskokous: palaute ja kehittämiskohteet.', done: true }),
        encounter('hel-2', { month: 5, kind: 'valvontakaynti', ownerId: kaisa, done: true }),
        encounter('hel-3', { month: 10, day: 8, kind: 'hintaneuvottelu', ownerId: mikko, note: 'Indeksikorotus ja optiovuosi.' }),
        encounter('hel-4', { month: 12, day: 16, kind: 'asiakastilaisuus', ownerId: jukka, note: 'Joulujuhla Merikodissa; palveluohjaajat kutsutaan.' }),
      ],
    }),
    plan('Keski-Suomen hyvinvointialue', {
      goal: 'Asiakkuuden kasvu: lyhytaikaisen asumisen paikat Kuusikotiin.',
      targets: 'Kaksi uutta lyhytaikaista paikkaa myyty.',
      responsibilities: 'Liiketoimintajohtaja ja myynti.',
      plannedEncounters: [
        encounter('ks-1', { month: 4, kind: 'kehityskokous', ownerId: aino }),
        encounter('ks-2', { month: 11, day: 20, kind: 'hintaneuvottelu', ownerId: aino }),
      ],
    }),
  ];
}
