import type { FieldError } from '../domain/validation.js';

/**
 * What a use case returns to a chat command, a card submit or a tab call alike. Invalid input is an
 * expected outcome (the form comes back with field errors), not an exception.
 */
export type UseCaseResult<T> =
  | { ok: true; value: T; duplicate: boolean }
  | { ok: false; reason: 'invalid'; errors: FieldError[] }
  /** `roles`: who could have done it (translated by the UI, e.g. "only the regional director"). */
  | { ok: false; reason: 'forbidden'; message: string; roles?: readonly string[]; params?: Record<string, string> }
  /** `changedFirst`: who changed the record first, when, and its status now (issue 10; formatted by the UI). */
  | { ok: false; reason: 'conflict'; message: string; changedFirst?: { by: string; at: string; label: string; status: string; version?: number } };

export function invalid(errors: FieldError[]): UseCaseResult<never> {
  return { ok: false, reason: 'invalid', errors };
}

/** A refused authorization as a use-case result. */
export function forbidden(refusal: { message: string; roles: readonly string[]; params?: Record<string, string> }): UseCaseResult<never> {
  return { ok: false, reason: 'forbidden', message: refusal.message, roles: refusal.roles, ...(refusal.params ? { params: refusal.params } : {}) };
}
