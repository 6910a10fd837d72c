import type { PluginManager } from '../types/feature';
import { getBackendUrl } from './config';

/** The backend's error body: `{"error": {"code", "message", "twilioCode"?, "field"?}}`. */
export interface BackendErrorBody {
  error: {
    code: string;
    message: string;
    twilioCode?: number;
    field?: string;
  };
}

/** The backend answered, but not with a 2xx. */
export class BackendRequestError extends Error {
  readonly status: number;

  readonly code: string;

  readonly twilioCode?: number;

  readonly field?: string;

  /** The parsed response body, whatever its shape (e.g. a /health report on 503). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, body: unknown, twilioCode?: number, field?: string) {
    super(message);
    this.name = 'BackendRequestError';
    this.status = status;
    this.code = code;
    this.body = body;
    this.twilioCode = twilioCode;
    this.field = field;
  }
}

/** The backend could not be reached at all (DNS, refused connection, CORS, offline). */
export class BackendUnreachableError extends Error {
  readonly url: string;

  constructor(url: string, cause: unknown) {
    super(
      `Cannot reach the Messaging Kit backend at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'BackendUnreachableError';
    this.url = url;
  }
}

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface BackendClient {
  readonly baseUrl: string;
  get<T>(path: string, init?: RequestInit): Promise<T>;
  post<T>(path: string, body: unknown, init?: RequestInit): Promise<T>;
  delete<T>(path: string, init?: RequestInit): Promise<T>;
}

type ClientManager = Pick<PluginManager, 'serviceConfiguration' | 'user'>;

const isErrorBody = (body: unknown): body is BackendErrorBody => {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const { error } = body as { error?: unknown };
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
};

const parseBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Calls our backend as the signed-in agent. The token is read on every call because Flex refreshes
 * it in place on `manager.user`; the backend derives the agent's identity from it.
 */
export const createBackendClient = (manager: ClientManager, fetchFn?: FetchFunction): BackendClient => {
  const baseUrl = getBackendUrl(manager);

  const request = async <T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> => {
    const url = `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(init.headers as Record<string, string> | undefined),
    };
    const token = manager.user?.token;
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    // Resolve fetch at call time so tests (and polyfills) that replace window.fetch are honoured.
    const doFetch: FetchFunction = fetchFn ?? ((input, options) => fetch(input, options));
    let response: Response;
    try {
      response = await doFetch(url, {
        ...init,
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new BackendUnreachableError(url, cause);
    }

    const parsed = await parseBody(response);
    if (!response.ok) {
      if (isErrorBody(parsed)) {
        const { code, message, twilioCode, field } = parsed.error;
        throw new BackendRequestError(response.status, code, message, parsed, twilioCode, field);
      }
      throw new BackendRequestError(
        response.status,
        `HTTP_${response.status}`,
        `The Messaging Kit backend answered ${response.status}`,
        parsed,
      );
    }
    return parsed as T;
  };

  return {
    baseUrl,
    get: <T>(path: string, init?: RequestInit) => request<T>('GET', path, undefined, init),
    post: <T>(path: string, body: unknown, init?: RequestInit) => request<T>('POST', path, body, init),
    delete: <T>(path: string, init?: RequestInit) => request<T>('DELETE', path, undefined, init),
  };
};
