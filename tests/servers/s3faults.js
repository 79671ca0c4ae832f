#!/usr/bin/env node
// An HTTP fault proxy (Node stdlib only) in front of an S3 API (Swift's s3api in the tests): forwards every request unchanged
// unless a rule says otherwise, and logs every request. Rules are set at run time through a control API on the same port.
//
// Usage: node s3faults.js LISTEN_PORT TARGET_URL [--seed N]
//   LISTEN_PORT 0 picks a free port; the first stdout line is "listening 127.0.0.1:PORT". Later stdout lines are events, one
//   JSON object each: {"event":"held","rule":ID,"seq":N,"method":..,"path":..,"query":..,"phase":..} when a request is held.
//
// Control API (paths under /__faults/, never forwarded; S3 bucket names cannot start with "_"):
//   PUT    /__faults/rules    body {"seed": N, "rules": [RULE, ...]} replaces the rules (and reseeds the generator)
//   GET    /__faults/log      the request log: [{seq, method, path, query, status, fault, rule, inflight}, ...] in arrival order
//   DELETE /__faults/log      clears the log
//   POST   /__faults/release  lets every held request go on (request phase: forwarded; response phase: answered)
//   GET    /__faults/stats    {"inflight": N, "maxInflight": N} (requests being handled now, and the most at once)
//
// RULE (every field optional but "fault"): the first rule that matches a request and fires decides its fate.
//   id            a name for events and the log
//   method        "GET", "PUT", ...           path   a regular expression over the raw path (percent-encoded, no query)
//   query         a query parameter that must be present ("uploadId"), or absent with a leading "!" ("!uploadId")
//   skip          let this many matching requests through first          count  fire at most this many times
//   every         fire on every N-th matching request (after skip)       probability  fire on this share, seeded (default 1)
//   fault         "status": answer {status, code} as an S3 XML error without forwarding (e.g. 503 SlowDown, 429, 500)
//                 "reset":  reset the client connection without forwarding
//                 "latency": forward after "ms" milliseconds
//                 "hold":   hold at "phase" "request" (before forwarding) or "response" (after the target answered, before
//                           the client gets it) until /__faults/release; a client that goes away meanwhile is never forwarded
//                 "flip":   flip one byte in the middle of the request body (same length), so the target sees damaged bytes
//                 "truncate": forward half the request body, then close the target connection and reset the client
'use strict';
const http = require('http');

const [listenPort, target, ...flags] = process.argv.slice(2);
const upstream = new URL(target);
const seedFlag = flags.indexOf('--seed');
let seed = seedFlag >= 0 ? Number(flags[seedFlag + 1]) : 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);   // LCG: reproducible

let rules = [];
const log = [];
const held = [];
let seq = 0;
let inflight = 0;
let maxInflight = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function readBody(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function s3Error(res, status, code, message) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>s3faults</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml), 'x-amz-request-id': 's3faults' });
  res.end(xml);
}

function matches(rule, req, path, query) {
  if (rule.method && rule.method !== req.method) return false;
  if (rule.path && !new RegExp(rule.path).test(path)) return false;
  if (rule.query) {
    const absent = rule.query.startsWith('!');
    const name = absent ? rule.query.slice(1) : rule.query;
    if (query.has(name) === absent) return false;
  }
  return true;
}

function decide(req, path, query) {
  for (const rule of rules) {
    if (!matches(rule, req, path, query)) continue;
    rule.seen = (rule.seen ?? 0) + 1;
    const n = rule.seen - (rule.skip ?? 0);
    if (n < 1) continue;
    if (rule.every && n % rule.every !== 0) continue;
    if (rule.count !== undefined && (rule.fired ?? 0) >= rule.count) continue;
    if (rule.probability !== undefined && !(rnd() < rule.probability)) continue;
    rule.fired = (rule.fired ?? 0) + 1;
    return rule;
  }
  return null;
}

function hold(rule, entry, phase) {
  return new Promise((resolve) => {
    held.push(resolve);
    console.log(JSON.stringify({ event: 'held', rule: rule.id ?? null, seq: entry.seq, method: entry.method, path: entry.path, query: entry.query, phase }));
  });
}

async function control(req, res, path) {
  const answer = (status, body) => {
    const text = JSON.stringify(body ?? {});
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  if (req.method === 'PUT' && path === '/__faults/rules') {
    const body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    rules = body.rules ?? [];
    if (body.seed !== undefined) seed = body.seed;
    return answer(200, { rules: rules.length });
  }
  if (req.method === 'GET' && path === '/__faults/log') return answer(200, log);
  if (req.method === 'DELETE' && path === '/__faults/log') { log.length = 0; return answer(200); }
  if (req.method === 'POST' && path === '/__faults/release') { const n = held.length; held.splice(0).forEach((go) => go()); return answer(200, { released: n }); }
  if (req.method === 'GET' && path === '/__faults/stats') return answer(200, { inflight, maxInflight });
  return answer(404, { error: `unknown control ${req.method} ${path}` });
}

async function handle(req, res) {
  const [path, rawQuery = ''] = req.url.split(/\?(.*)/s);
  if (path.startsWith('/__faults/')) return control(req, res, path);
  const query = new URLSearchParams(rawQuery);
  const entry = { seq: ++seq, method: req.method, path, query: rawQuery, status: null, fault: null, rule: null, inflight: ++inflight };
  maxInflight = Math.max(maxInflight, inflight);
  log.push(entry);
  let done = false;
  const finish = () => { if (!done) { done = true; inflight--; } };
  res.on('close', finish);

  const rule = decide(req, path, query);
  if (rule) { entry.fault = rule.fault; entry.rule = rule.id ?? null; }
  const fault = rule?.fault;

  if (fault === 'status') {
    await readBody(req);
    entry.status = rule.status ?? 503;
    return s3Error(res, entry.status, rule.code ?? 'SlowDown', rule.message ?? 'Please reduce your request rate.');
  }
  if (fault === 'reset') {
    entry.status = 'reset';
    return req.socket.resetAndDestroy();
  }
  if (fault === 'latency') await new Promise((r) => setTimeout(r, rule.ms ?? 100));
  if (fault === 'hold' && (rule.phase ?? 'request') === 'request') {
    await hold(rule, entry, 'request');
    if (req.socket.destroyed) { entry.status = 'client gone'; return; }
  }

  const headers = { ...req.headers };   // the host header too: SigV4 signed it as the client sent it
  let body = null;
  if (fault === 'flip' || fault === 'truncate') {
    body = await readBody(req);
    if (fault === 'flip' && body.length > 0) body[body.length >> 1] ^= 0xff;
  }

  const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, async (up) => {
    if (fault === 'hold' && rule.phase === 'response') {
      const bytes = await readBody(up);
      await hold(rule, entry, 'response');
      entry.status = up.statusCode;
      if (req.socket.destroyed) return;
      res.writeHead(up.statusCode, up.headers);
      return res.end(bytes);
    }
    entry.status = up.statusCode;
    res.writeHead(up.statusCode, up.headers);
    up.pipe(res);
  });
  forward.on('error', (e) => {
    if (entry.status === null) entry.status = fault === 'truncate' ? 'truncated' : 'upstream error';
    if (!res.headersSent && fault !== 'truncate') s3Error(res, 502, 'BadGateway', e.message);
    else req.socket.destroy();
  });
  req.on('close', () => { if (!res.writableFinished && !forward.destroyed && req.socket.destroyed) forward.destroy(); });

  if (fault === 'truncate') {
    forward.write(body.subarray(0, body.length >> 1), () => {
      forward.destroy();
      entry.status = 'truncated';
      req.socket.resetAndDestroy();
    });
  } else if (body !== null) forward.end(body);
  else req.pipe(forward);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => { if (!res.headersSent) s3Error(res, 500, 'ProxyError', e.message); else res.destroy(); });
});
server.keepAliveTimeout = 30_000;
server.listen(+listenPort, '127.0.0.1', () => {
  console.log(`listening 127.0.0.1:${server.address().port}`);
  console.error(`s3faults 127.0.0.1:${server.address().port} -> ${target}`);
});
