// Talking to /api/v1 with the token this tab was given, if any. A 401 means no data: the caller's view is replaced
// by the token prompt (see dashboard.js).

const KEY = 'jobdrop.api.token';

export class Unauthorized extends Error {
  constructor(message) {
    super(message);
    this.name = 'Unauthorized';
  }
}

export function token() {
  return sessionStorage.getItem(KEY);
}

export function rememberToken(value) {
  sessionStorage.setItem(KEY, value);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

/**
 * Calls the API; answers {status, body} (body parsed from JSON when it is JSON). Throws Unauthorized on 401 and an
 * Error naming the status and message on 5xx and unexpected answers, so views show them instead of stale data.
 */
export async function call(path, options = {}) {
  const headers = {Accept: 'application/json'};
  if (options.contentType) headers['Content-Type'] = options.contentType;
  const given = token();
  if (given) headers.Authorization = `Bearer ${given}`;
  const response = await fetch(path, {method: options.method || 'GET', headers, body: options.body});
  const text = await response.text();
  let body = text;
  if ((response.headers.get('Content-Type') || '').includes('json') && text) {
    body = JSON.parse(text);
  }
  if (response.status === 401) {
    throw new Unauthorized(body && body.message ? body.message : 'the API asks for a token');
  }
  if (response.status >= 500 || (options.expect && !options.expect.includes(response.status))) {
    throw new Error(`${options.method || 'GET'} ${path}: ${response.status} ${body && body.message ? body.message : text}`);
  }
  return {status: response.status, body};
}

export const get = path => call(path, {expect: [200]}).then(answer => answer.body);
