import type { Mention } from '../domain/events/visit-events.js';
import type { Person } from '../domain/records/person.js';

/**
 * Who a special mention (erityismaininta) @mentions: everyone holding the sales role, "sales must know
 * at once" (thesis 6.3). Nobody when the record carries no special mention.
 */
export function salesMentions(people: readonly Person[], specialMention: boolean): Mention[] {
  if (!specialMention) return [];
  return people.filter((p) => p.roles.includes('myynti')).map((p) => ({ userId: p.userId, name: p.name }));
}
