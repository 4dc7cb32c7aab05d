import type { Request, Response } from 'express';
import type { UseCaseResult } from '../app/result.js';
import type { FieldError } from '../domain/validation.js';
import { localeFrom, t, type Locale } from '../i18n/messages.js';
import type { ApiErrorBody, ApiErrorCode } from './schemas/errors.js';

/** The caller's language: the first of Accept-Language that is Finnish or English, else the default. */
export function localeOf(req: Request, fallback: Locale): Locale {
  const first = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim())
    .find((tag) => /^(fi|en)\b/i.test(tag));
  return localeFrom(first, fallback);
}

const statusOf: Record<ApiErrorCode, number> = { unauthorized: 401, notInPeopleList: 403, forbidden: 403, invalid: 400, notFound: 404, conflict: 409, internal: 500 };

/** A refusal the router answers as a typed body: thrown by a handler, sent by the API's error handler. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldError[],
    readonly changedFirst?: ApiErrorBody['error']['changedFirst'],
  ) {
    super(`${code}: ${key}`);
    this.name = 'ApiError';
  }
  get status(): number {
    return statusOf[this.code];
  }
}

export function sendApiError(res: Response, locale: Locale, error: ApiError): void {
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: t(locale, error.key, error.params),
      ...(error.fields ? { fields: error.fields.map((f) => ({ field: f.field, message: t(locale, f.key, f.params ?? {}) })) } : {}),
      ...(error.changedFirst ? { changedFirst: error.changedFirst } : {}),
    },
  };
  res.status(error.status).json(body);
}

/** A zod refusal of a request (body, query, path) as the 400 with the message of each field. */
export function invalidRequest(fields: FieldError[]): ApiError {
  return new ApiError('invalid', 'api.invalid', {}, fields);
}

/** A use case's refusal as the API's: the same keys the bot shows, in the caller's language. */
export function refusalOf(result: Exclude<UseCaseResult<unknown>, { ok: true }>, locale: Locale): ApiError {
  switch (result.reason) {
    case 'invalid':
      return invalidRequest(result.errors);
    case 'forbidden': {
      const params: Record<string, string> = { ...(result.params ?? {}) };
      if (result.roles) params.roles = result.roles.map((role) => t(locale, `role.${role}`)).join(', ');
      return new ApiError(result.message === 'auth.notInPeopleList' ? 'notInPeopleList' : 'forbidden', result.message === 'auth.notInPeopleList' ? 'api.notInPeopleList' : result.message, params);
    }
    case 'conflict':
      return result.changedFirst
        ? new ApiError('conflict', 'api.changedFirst', { by: result.changedFirst.by, at: result.changedFirst.at, label: result.changedFirst.label, status: t(locale, `status.${result.changedFirst.status}`) }, undefined, {
            by: result.changedFirst.by,
            at: result.changedFirst.at,
            label: result.changedFirst.label,
            status: result.changedFirst.status,
          })
        : new ApiError('conflict', result.message || 'api.conflict');
  }
}
