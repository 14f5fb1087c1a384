/** One HTTP exchange with the gateway, kept so a failed step can show what came back. */
export interface GatewayResponse<T = any> {
  method: string;
  path: string;
  status: number;
  /** The ETag header without quotes, for `If-Match`, or `undefined` when the response has none. */
  etag: string | undefined;
  /** The parsed JSON body, or `undefined` for an empty one. */
  body: T;
}

export interface GatewayRequest {
  body?: unknown;
  /** The version to send as `If-Match`. */
  ifMatch?: string | number;
}

/**
 * A minimal client of the public REST API under `/api/v1`: JSON in and out, the bearer
 * token of the last login, and nothing the gateway does not offer to any client.
 */
export class GatewayClient {
  private accessToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** Uses `token` as the bearer token of every later request. */
  authenticate(token: string): void {
    this.accessToken = token;
  }

  async request<T = any>(method: string, path: string, request: GatewayRequest = {}): Promise<GatewayResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.accessToken !== undefined) {
      headers.authorization = `Bearer ${this.accessToken}`;
    }
    if (request.ifMatch !== undefined) {
      headers['if-match'] = `"${request.ifMatch}"`;
    }
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
    }

    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const etag = response.headers.get('etag')?.replace(/^W\//, '').replace(/"/g, '');
    return { method, path, status: response.status, etag, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  get<T = any>(path: string): Promise<GatewayResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, request?: GatewayRequest): Promise<GatewayResponse<T>> {
    return this.request<T>('POST', path, request);
  }

  put<T = any>(path: string, request?: GatewayRequest): Promise<GatewayResponse<T>> {
    return this.request<T>('PUT', path, request);
  }

  patch<T = any>(path: string, request?: GatewayRequest): Promise<GatewayResponse<T>> {
    return this.request<T>('PATCH', path, request);
  }

  delete<T = any>(path: string, request?: GatewayRequest): Promise<GatewayResponse<T>> {
    return this.request<T>('DELETE', path, request);
  }
}
