import type { z } from 'zod';

/**
 * A validation failure the user can act on: which field, and a message key the UI translates
 * (src/i18n). Keys instead of text keep the domain free of language.
 */
export interface FieldError {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** Turns zod issues into one FieldError per field (the first issue wins: one message next to each input). */
export function fieldErrorsFrom(error: z.ZodError): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    if (byField.has(field)) continue;
    byField.set(field, { field, ...keyFor(issue) });
  }
  return [...byField.values()];
}

function keyFor(issue: z.core.$ZodIssue): Omit<FieldError, 'field'> {
  // A custom message set in a schema is already a message key (e.g. 'place.freeFromTooFar').
  if (issue.code === 'custom') return { key: issue.message };
  if (issue.message && /^[a-z][A-Za-z]*\.[A-Za-z.]+$/.test(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalid' };
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? { key: 'validation.required' }
        : { key: 'validation.tooSmall', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'validation.tooLong', params: { maximum: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'validation.invalidChoice' };
    case 'invalid_format':
      return { key: issue.format === 'date' ? 'validation.invalidDate' : 'validation.invalid' };
    default:
      return { key: 'validation.invalid' };
  }
}

/** Thrown by a use case when input passed the schema but breaks a rule that needs the store (unknown home). */
export class ValidationFailed extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`validation failed: ${errors.map((e) => `${e.field}:${e.key}`).join(', ')}`);
    this.name = 'ValidationFailed';
  }
}
