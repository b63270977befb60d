// Same-origin calls to the JSON API (docs/model-and-contract.md, "Queries").

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function get(path, parameters = {}, {credentials: basic = null, raw = false} = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const url = query.size > 0 ? `${path}?${query}` : path;
  let response;
  try {
    const headers = {Accept: raw ? '*/*' : 'application/json, application/problem+json'};
    if (basic) headers.Authorization = `Basic ${basic}`;
    response = await fetch(url, {headers, credentials: 'omit', cache: 'no-store'});
  } catch (cause) {
    throw new ApiError(`The service did not answer (${cause.message}).`, 0, null);
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (raw && response.ok) return response.blob();
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(problemMessage(url, response.status, body), response.status, body?.code ?? null);
  }
  if (body === null) {
    throw new ApiError(`GET ${url} did not answer with JSON (Content-Type: ${type || 'none'}).`, response.status, null);
  }
  return body;
}

/** An RFC 9457 problem as one sentence: status, title, detail, code, and the offending fields if any. */
function problemMessage(url, status, problem) {
  let message = `GET ${url} failed with HTTP ${status}`;
  const said = [problem?.title, problem?.detail].filter((text, i, all) => text && all.indexOf(text) === i);
  if (said.length > 0) message += `: ${said.join(' — ')}`;
  if (Array.isArray(problem?.errors)) {
    const fields = problem.errors.map((e) => [e?.field, e?.message].filter(Boolean).join(' ')).filter(Boolean);
    if (fields.length > 0) message += ` (${fields.join('; ')})`;
  }
  if (problem?.code) message += ` [${problem.code}]`;
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** Unit ids are slug paths ("un-habitat/monitoring-and-research-division"): keep the slashes. */
function unitPath(id) {
  return id.split('/').map(encodeURIComponent).join('/');
}

export const api = {
  structure: (asOf, knownAt) => get('/api/structure', {asOf, knownAt}),
  diff: (from, to, knownAt) => get('/api/structure/diff', {from, to, knownAt}),
  timeline: (from, to, knownAt) => get('/api/timeline', {from, to, knownAt}),
  unitHistory: (id, knownAt) => get(`/api/units/${unitPath(id)}/history`, {knownAt}),
  instruments: () => get('/api/instruments'),
};

/** The auditor's reads: HTTP Basic with the credentials given on the page, kept in memory only. */
export function auditApi(user, password) {
  const basic = btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`)));
  const as = {credentials: basic};
  return {
    verify: () => get('/api/audit/verify', {}, as),
    root: () => get('/api/audit/root', {}, as),
    key: () => get('/api/audit/key', {}, as),
    log: (filter) => get('/api/audit/log', filter, as),
    proof: (sequence) => get('/api/audit/proof', {sequence}, as),
    export: () => get('/api/audit/export', {format: 'jsonl'}, {...as, raw: true}),
  };
}
