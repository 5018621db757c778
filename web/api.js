// The server's JSON API (docs/web-api.md): the per-run token travels in X-Stdok-Token, never in
// the address bar once the page has read it.

const TOKEN_KEY = 'stdok-token';
let token = null;

// Reads ?t= from the address, keeps it for this tab and removes it from the address bar.
export function initToken() {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('t');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('t');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? `?${query}` : '') + location.hash);
  }
  token = sessionStorage.getItem(TOKEN_KEY);
  return Boolean(token);
}

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

const STATUS_TEXT = {
  403: 'Servern vägrade begäran (fel nyckel eller ursprung). Öppna adressen som stdok serve skrev ut.',
  404: 'Finns inte på servern.',
  413: 'Uppgifterna är för stora för att skickas (högst 8 MiB).',
  422: 'Uppgifterna kunde inte läsas.',
};

// Calls the API. `as` is 'json' (default) or 'blob'. Throws ApiError with the server's Swedish
// message on an error status, and on a network failure.
export async function api(path, { method = 'GET', body, signal, as = 'json' } = {}) {
  const headers = { 'X-Stdok-Token': token || '' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin', cache: 'no-store',
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'Kunde inte nå stdok serve. Körs programmet fortfarande?', null);
  }
  if (!response.ok) {
    let data = null;
    try { data = await response.json(); } catch { /* not JSON */ }
    const message = (data && data.error) || STATUS_TEXT[response.status] || `Fel från servern (${response.status}).`;
    throw new ApiError(response.status, message, data);
  }
  return as === 'blob' ? response.blob() : response.json();
}

// Offers a blob as a file download.
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
