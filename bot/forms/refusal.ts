import type { UseCaseResult } from '../../src/app/result.js';
import { formatDateTime, isMessageKey, t, type Locale } from '../../src/i18n/messages.js';

/**
 * A refusal (not allowed, someone changed it first, it is gone) as a form shows it (FormState.refusal): the
 * form comes back with what was typed and the refusal on top of it, never a bare text that loses the input.
 */
export function refusalText(locale: Locale, result: Exclude<UseCaseResult<unknown>, { ok: true }>): string {
  switch (result.reason) {
    case 'forbidden': {
      const where = result.params?.where;
      return t(locale, result.message, {
        ...result.params,
        roles: (result.roles ?? []).map((r) => t(locale, `role.${r}`)).join(', '),
        ...(where !== undefined ? { where: isMessageKey(`region.${where}`) ? t(locale, `region.${where}`) : where } : {}),
      });
    }
    case 'conflict':
      if (result.message === 'mine.changedFirst') {
        return result.changedFirst
          ? t(locale, 'mine.changedFirst', { name: result.changedFirst.by, when: formatDateTime(locale, result.changedFirst.at) })
          : t(locale, 'mine.changedFirstSomeone');
      }
      return t(locale, result.message);
    case 'invalid': {
      const first = result.errors[0];
      return first ? t(locale, first.key, first.params) : t(locale, 'error.generic');
    }
  }
}
