import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { meSchema } from '../../src/api/schemas/me';
import type { ApiClient } from './api/api-client';
import type { Translate } from './i18n/translate';

export type Me = z.infer<typeof meSchema>;

/** What every page gets: the API client, the language, and who is signed in (their roles and scope). */
export interface TabContext {
  api: ApiClient;
  tr: Translate;
  me: Me;
}

const Context = createContext<TabContext | undefined>(undefined);
export const TabContextProvider = Context.Provider;

export function useTab(): TabContext {
  const value = useContext(Context);
  if (!value) throw new Error('useTab outside the tab shell');
  return value;
}
