import type { Request } from 'express';
import type { AppContext } from '../app/app-context.js';
import { personOf } from '../app/authorize.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import { isLoopback } from '../server/http-server.js';
import { ApiError } from './api-errors.js';
import { TokenRefused, type TokenVerifier } from './bearer-token.js';

/** The header the tab's "Paikallinen tila" picker sends in local mode: the chosen seeded person's Entra object id. */
export const LOCAL_USER_HEADER = 'x-hoivacrm-local-user';

/** Who is calling: the actor the use cases record, and their people-list entry. */
export interface Caller {
  actor: ActorRef;
  person: Person;
}

/**
 * How a request proves who sent it. Tenant mode: the bearer token only. Local mode (loopback, no sign-in, like
 * the bot's local mode): the person the caller names, who must be on the people list.
 */
export type Identification = { mode: 'tenant'; verify: TokenVerifier } | { mode: 'local' };

/** Identifies the caller, or refuses: 401 without a valid identity, 403 for someone not on the people list. */
export async function callerOf(ctx: AppContext, identification: Identification, req: Request): Promise<Caller> {
  let userId: string;
  if (identification.mode === 'tenant') {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new ApiError('unauthorized', 'api.unauthorized');
    try {
      userId = (await identification.verify(match[1]!)).oid;
    } catch (error) {
      if (error instanceof TokenRefused) throw new ApiError('unauthorized', 'api.unauthorized');
      throw error;
    }
  } else {
    // Local mode listens on loopback already; a request from elsewhere (a proxy) is still refused.
    if (!isLoopback(req.socket.remoteAddress)) throw new ApiError('unauthorized', 'api.unauthorized');
    const named = req.headers[LOCAL_USER_HEADER];
    if (typeof named !== 'string' || named.trim() === '') throw new ApiError('unauthorized', 'api.localUserRequired');
    userId = named.trim();
  }
  const person = await personOf(ctx, { id: userId, name: userId });
  if (!person) throw new ApiError('notInPeopleList', 'api.notInPeopleList');
  return { actor: { id: person.userId, name: person.name }, person };
}
