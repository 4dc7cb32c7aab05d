import { z } from 'zod';
import { email, recordId, recordMeta, region, text } from './common.js';

/**
 * A member of staff who uses HoivaCRM, with roles (DOMAIN.md, People; thesis table 2). Roles decide
 * who records what and who is told; each role has a scope (src/app/authorize.ts): the home(s) of a home
 * director or head nurse, the region of a regional director, the company for the others. `admin` keeps
 * the people list and binds the channels. Municipal officials are contacts, not persons.
 */
export const personRoles = ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'myynti', 'laatupaallikko', 'admin'] as const;
export type PersonRole = (typeof personRoles)[number];

/** How far a role reaches: the person's home(s), their region, or the whole company (src/app/authorize.ts). */
export type RoleScope = 'home' | 'region' | 'company';

export const roleScopes: Readonly<Record<PersonRole, RoleScope>> = {
  kotijohtaja: 'home',
  'vastaava-hoitaja': 'home',
  aluejohtaja: 'region',
  liiketoimintajohtaja: 'company',
  laatupaallikko: 'company',
  myynti: 'company',
  admin: 'company',
};

const personFields = {
  /** The Teams user's Entra object id. */
  userId: z.string().min(1),
  name: text(120),
  email: email.optional(),
  roles: z.array(z.enum(personRoles)).min(1),
  /** The home(s) a home director or head nurse is responsible for (a director may lead two small homes). */
  careHomeIds: z.array(recordId).optional(),
  /** The region a regional director leads. */
  region: region.optional(),
};

export const personInputSchema = z.object(personFields);
export const personSchema = z.object({ ...recordMeta, ...personFields });
export type Person = z.infer<typeof personSchema>;
