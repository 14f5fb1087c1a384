/** The gateway the end-to-end tests call: GATEWAY_URL, else the local default. */
export function gatewayUrl(): string {
  return process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? '3000'}`;
}

export interface ApiRequest {
  /** A bearer access token; omitted for public routes and for tests without a token. */
  token?: string;
  /** Sent as JSON. A string is sent as it is, for bodies that are not valid JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined for an empty one. */
  body: T;
}

/** A small HTTP client for the gateway's REST API, with paths relative to /api/v1. */
export class ApiClient {
  constructor(private readonly baseUrl: string = `${gatewayUrl()}/api/v1`) {}

  async request<T = unknown>(method: string, path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.token !== undefined) {
      headers.authorization = `Bearer ${request.token}`;
    }
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    }

    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  get<T = unknown>(path: string, request?: ApiRequest): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, request);
  }

  post<T = unknown>(path: string, request?: ApiRequest): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, request);
  }

  put<T = unknown>(path: string, request?: ApiRequest): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, request);
  }

  patch<T = unknown>(path: string, request?: ApiRequest): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, request);
  }

  delete<T = unknown>(path: string, request?: ApiRequest): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path, request);
  }
}
