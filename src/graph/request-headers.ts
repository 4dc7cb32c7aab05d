import type { Context } from '@microsoft/microsoft-graph-client';

/** Header access on a middleware Context, whatever shape the SDK left `options.headers` in. */
export function requestHeaders(context: Context): Headers {
  if (typeof context.request !== 'string') return new Headers(context.request.headers);
  return new Headers((context.options?.headers ?? {}) as HeadersInit);
}

export function setRequestHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  const current = context.options.headers;
  if (current instanceof Headers) {
    current.set(name, value);
    return;
  }
  const record: Record<string, string> = Array.isArray(current)
    ? Object.fromEntries(current as [string, string][])
    : { ...((current ?? {}) as Record<string, string>) };
  for (const key of Object.keys(record)) if (key.toLowerCase() === name.toLowerCase()) delete record[key];
  record[name] = value;
  context.options.headers = record;
}

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  return (typeof context.request === 'string' ? context.options?.method : context.request.method)?.toUpperCase() ?? 'GET';
}
