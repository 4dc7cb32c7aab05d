import { z } from 'zod';
import { careHomeSchema } from '../../domain/records/care-home.js';
import { personRoles, personSchema, type RoleScope } from '../../domain/records/person.js';

const scopes = ['home', 'region', 'company'] as const satisfies readonly RoleScope[];

/** GET /api/v1/me: who the caller is on the people list, and how far their roles reach. */
export const meSchema = personSchema.pick({ userId: true, name: true, roles: true, region: true }).extend({
  /** The widest scope among the caller's roles. */
  scope: z.enum(scopes),
  careHomes: z.array(careHomeSchema.pick({ id: true, name: true, region: true })),
});
export type Me = z.infer<typeof meSchema>;

/** GET /api/v1/local/people (local mode only): the seeded people the "Paikallinen tila" picker offers. */
export const localPeopleSchema = z.object({
  people: z.array(personSchema.pick({ userId: true, name: true }).extend({ roles: z.array(z.enum(personRoles)) })),
});
