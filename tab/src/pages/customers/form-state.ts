import { useState } from 'react';
import { TabApiError } from '../../api/api-client';

/**
 * One form's saving: busy while the request runs, and on a refusal the API's error with each field's message,
 * while the typed values stay in the form's own state (the form is not reset until a save succeeds).
 */
export interface Submit {
  busy: boolean;
  error: unknown;
  /** The message the API gave for a field, for the Field's validationMessage. */
  fieldMessage(field: string): string | undefined;
  run(save: () => Promise<void>): Promise<void>;
  clear(): void;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return {
    busy,
    error,
    fieldMessage: (field) => (error instanceof TabApiError ? error.fields.find((f) => f.field === field)?.message : undefined),
    async run(save) {
      setBusy(true);
      setError(undefined);
      try {
        await save();
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    },
    clear: () => setError(undefined),
  };
}

/** A Field's validation props from the API's message for it (none: no error shown). */
export function validation(submit: Submit, field: string): { validationMessage?: string; validationState?: 'error' } {
  const message = submit.fieldMessage(field);
  return message ? { validationMessage: message, validationState: 'error' } : {};
}

/** A fresh id for a request that creates something, so a retried save stores it once. */
export function newRequestId(): string {
  return crypto.randomUUID();
}
