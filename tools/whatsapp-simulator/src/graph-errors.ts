/** A Graph API error response: the HTTP status and Meta's `{ error: {...} }` body. */
export interface GraphErrorAnswer {
  status: number;
  body: {
    error: {
      message: string;
      type: string;
      code: number;
      error_subcode?: number;
      error_user_title?: string;
      error_user_msg?: string;
      fbtrace_id: string;
    };
  };
  headers?: Record<string, string>;
}

let traceCounter = 0;

function graphError(status: number, code: number, message: string, extra: Partial<GraphErrorAnswer['body']['error']> = {}): GraphErrorAnswer {
  traceCounter += 1;
  return { status, body: { error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: `sim-trace-${traceCounter}` } } };
}

export const graphErrors = {
  missingToken: () => graphError(401, 190, 'An access token is required to request this resource.'),
  invalidToken: () => graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token'),
  expiredToken: () => graphError(401, 190, 'Error validating access token: Session has expired.', { error_subcode: 463 }),
  unknownObject: (id: string) =>
    graphError(400, 100, `Unsupported request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, {
      error_subcode: 33,
      type: 'GraphMethodException',
    }),
  unknownPath: (path: string) => graphError(400, 2500, `Unknown path components: ${path}`),
  invalidParameter: (title: string, userMessage: string) =>
    graphError(400, 100, 'Invalid parameter', { error_user_title: title, error_user_msg: userMessage }),
  // NOTE: 2388024 is the subcode we believe Meta returns for a duplicate name and language; not checked against the live API.
  duplicateTemplate: (name: string, language: string) =>
    graphError(400, 100, 'Invalid parameter', {
      error_subcode: 2388024,
      error_user_title: 'Message template already exists',
      error_user_msg: `There is already ${language} content for this template (${name}). Choose another name or language.`,
    }),
  templateNotFound: (name: string) =>
    graphError(400, 100, 'Invalid parameter', {
      error_user_title: 'Message template not found',
      error_user_msg: `No message template named ${name} exists in this WhatsApp Business Account.`,
    }),
  templateNotEditable: (status: string) =>
    graphError(400, 100, 'Invalid parameter', {
      error_user_title: 'Message template cannot be edited',
      error_user_msg: `A template in status ${status} cannot be edited.`,
    }),
  rateLimited: (retryAfterSeconds: number): GraphErrorAnswer => ({
    ...graphError(429, 130429, 'Rate limit hit'),
    headers: { 'retry-after': String(retryAfterSeconds) },
  }),
  unavailable: (status: number) => graphError(status, 2, 'Service temporarily unavailable'),
};
