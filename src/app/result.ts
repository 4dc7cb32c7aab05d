import type { FieldError } from '../domain/validation.js';

/**
 * What a use case returns to a chat command, a card submit or a tab call alike. Invalid input is an
 * expected outcome (the form comes back with field errors), not an exception.
 */
export type UseCaseResult<T> =
  | { ok: true; value: T; duplicate: boolean }
  | { ok: false; reason: 'invalid'; errors: FieldError[] }
  | { ok: false; reason: 'forbidden'; message: string }
  | { ok: false; reason: 'conflict'; message: string };

export function invalid(errors: FieldError[]): UseCaseResult<never> {
  return { ok: false, reason: 'invalid', errors };
}
