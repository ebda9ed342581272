import { QueryClient } from '@tanstack/react-query';
import type { Locale } from '../../shared/contracts/common.ts';

/** One field error from a 400 response: the contract's field path ("otherNames.0") and a message. */
export interface ApiFieldError {
  field: string;
  message: string;
}

/** An error answered by the API (or a network failure, with status 0 and code "network"). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldError[];
  readonly current: unknown;

  constructor(status: number, code: string, message: string, fields: ApiFieldError[] = [], current?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.current = current;
  }
}

let csrfToken: string | null = null;
let currentLocale: Locale = 'en';
let onUnauthenticated: (() => void) | null = null;

/** Remember the CSRF token from sign-in or /api/auth/me; sent with every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The interface language, sent as Accept-Language so that server messages come back in it. */
export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}

/** Called when a request (other than the session probe) answers 401. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** A value a query string can carry; empty ones are left out. */
export type QueryValue = string | number | boolean | null | undefined;

/** A query string from an object, leaving out empty values. */
export function toQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

const QUIET_401 = ['/auth/me', '/auth/sign-in', '/auth/ldap/sign-in'];

async function readError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // not JSON (a proxy error page, say): fall through to a generic error
  }
  const err = (payload as { error?: { code?: string; message?: string; fields?: ApiFieldError[]; current?: unknown } } | null)?.error;
  return new ApiError(res.status, err?.code ?? 'internal', err?.message ?? res.statusText, err?.fields ?? [], err?.current);
}

/** Call the JSON API under /api; throws ApiError on any non-2xx answer. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale };
  // a file upload lets the browser write its own multipart boundary
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', String(cause));
  }
  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && !QUIET_401.includes(path) && onUnauthenticated) onUnauthenticated();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Download a file from the API under /api: its bytes and the name the server gave it. A refusal
 * is thrown as ApiError (its message in the interface language), so that a page can say it in
 * words instead of the browser saving the error as a file.
 */
export async function apiFile(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { headers: { 'Accept-Language': currentLocale }, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network', String(cause));
  }
  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && onUnauthenticated) onUnauthenticated();
    throw error;
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await res.blob(), fileName: encoded ? decodeURIComponent(encoded) : (plain ?? null) };
}

/** Short-hands for the four verbs, and a multipart upload. */
export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  del: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  upload: <T>(path: string, form: FormData) => apiRequest<T>(path, { method: 'POST', body: form }),
};

/** The one query client of the application. Client errors (4xx) are not retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
