import type { Person } from '../../domain/records/person.js';
import { stableIdFor } from '../../domain/stable-id.js';
import type { RecordWrite } from '../store-port.js';

type Meta = Pick<Person, 'version' | 'createdAt' | 'createdBy' | 'updatedAt'>;

/**
 * The staff of the demo, with their roles. The user ids are the Entra object ids the Agents
 * Playground sends (.m365agentsplayground.yml), so the people in the Playground have these roles.
 */
export const demoPeople: { userId: string; name: string; roles: Person['roles']; home?: string; region?: Person['region'] }[] = [
  { userId: '00000000-0000-0000-0000-0000000000020', name: 'Kaisa Kotijohtaja', roles: ['kotijohtaja'], home: 'Koivukoti' },
  { userId: '00000000-0000-0000-0000-0000000000021', name: 'Mikko Myyntipäällikkö', roles: ['myynti'] },
  { userId: '00000000-0000-0000-0000-0000000000022', name: 'Liisa Laaksonen', roles: ['laatupaallikko'] },
  { userId: '00000000-0000-0000-0000-0000000000023', name: 'Jukka Järvinen', roles: ['aluejohtaja'], region: 'etela-suomi' },
  { userId: '00000000-0000-0000-0000-0000000000024', name: 'Aino Virtanen', roles: ['liiketoimintajohtaja', 'admin'] },
  { userId: '00000000-0000-0000-0000-0000000000025', name: 'Pekka Nieminen', roles: ['vastaava-hoitaja'], home: 'Koivukoti' },
  { userId: '00000000-0000-0000-0000-0000000000026', name: 'Sanna Myyntijohtaja', roles: ['myynti'] },
];

export function demoPersonWrites(meta: Meta): RecordWrite[] {
  return demoPeople.map((p) => {
    const person: Person = {
      ...meta,
      id: stableIdFor(`person:${p.userId}`),
      userId: p.userId,
      name: p.name,
      roles: p.roles,
      // Invented addresses (the demo's people are invented): the meeting invitations need someone to invite.
      email: demoEmail(p.name),
      ...(p.home ? { careHomeIds: [stableIdFor(`home:${p.home}`)] } : {}),
      ...(p.region ? { region: p.region } : {}),
    };
    return { kind: 'person', record: person, expectedVersion: null };
  });
}

/** "Kaisa Kotijohtaja" → kaisa.kotijohtaja@hoiva.example: letters without diacritics, an example.* domain. */
function demoEmail(name: string): string {
  const local = name.toLocaleLowerCase('fi').normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z ]/g, '').trim().replace(/ +/g, '.');
  return `${local}@hoiva.example`;
}
