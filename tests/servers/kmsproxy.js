#!/usr/bin/env node
// An HTTP proxy (Node stdlib only) in front of Swift's S3 API that answers like an AWS bucket whose *default* encryption is
// SSE-KMS: every ETag is rewritten so it is no longer the MD5 of the content, consistently everywhere the client sees one
// (PutObject, UploadPart, CompleteMultipartUpload XML, HEAD, GET, ListObjectsV2 XML, CopyObject XML), and object answers
// carry the SSE-KMS response headers. The mapping is an XOR with a fixed mask, so it is its own inverse: ETags the client
// sends back (CompleteMultipartUpload parts, If-Match) are mapped back to Swift's before forwarding.
//
// Usage: node kmsproxy.js LISTEN_PORT TARGET_URL ACCESS_KEY SECRET_KEY [options]
//   LISTEN_PORT 0 picks a free port; the first stdout line is "listening 127.0.0.1:PORT".
//   ACCESS_KEY/SECRET_KEY: Swift's test credentials, used only to re-sign (SigV4) a request whose body the proxy changed.
//   --no-sse-headers   rewrite ETags but send no SSE headers (a store whose ETags are not MD5s and that does not say so)
//   --checksums        behave like AWS for S3 checksums: verify x-amz-checksum-crc32c on PutObject, UploadPart and the
//                      full-object value at CompleteMultipartUpload (400 BadDigest, nothing stored, on a mismatch), and
//                      answer with the stored value; Swift itself ignores these checksums
//   --bucket-encryption  answer GetBucketEncryption with an aws:kms default rule (Swift does not implement it)
//   --bucket-encryption-denied  answer GetBucketEncryption with 403 AccessDenied (a key without s3:GetEncryptionConfiguration)
//   --object-lock      answer GetObjectLockConfiguration: Object Lock enabled, no default retention (Swift has no Object Lock)
//   --object-lock-default  the same with a default retention rule of GOVERNANCE for 30 days
//   --object-lock-missing  answer GetObjectLockConfiguration with AWS's 404 ObjectLockConfigurationNotFoundError
//   --object-lock-denied   answer GetObjectLockConfiguration with 403 AccessDenied (no s3:GetBucketObjectLockConfiguration)
// Every request is logged to stdout as one JSON line: {method, path, status}.
'use strict';
const http = require('http');
const crypto = require('crypto');

const [listenPort, target, accessKey, secretKey, ...flags] = process.argv.slice(2);
const sseHeaders = !flags.includes('--no-sse-headers');
const checksums = flags.includes('--checksums');
const bucketEncryption = flags.includes('--bucket-encryption');
const bucketEncryptionDenied = flags.includes('--bucket-encryption-denied');
const objectLockDefault = flags.includes('--object-lock-default');
const objectLock = objectLockDefault || flags.includes('--object-lock');
const objectLockMissing = flags.includes('--object-lock-missing');
const objectLockDenied = flags.includes('--object-lock-denied');
const upstream = new URL(target);
const KMS_KEY = 'arn:aws:kms:us-east-1:111122223333:key/costsync-test';
const MASK = Buffer.from('a5c3e1f00f1e3c5a96b4d2e1f0c3a587', 'hex');

// --- ETags ---------------------------------------------------------------------------------------------------------
// "hex32" or "hex32-N", quoted or not; anything else passes unchanged.
function mapETag(value) {
  return value.replace(/([0-9a-fA-F]{32})(-\d+)?/, (_, hex, suffix) => {
    const b = Buffer.from(hex, 'hex');
    for (let i = 0; i < 16; i++) b[i] ^= MASK[i];
    return b.toString('hex') + (suffix ?? '');
  });
}
const mapXmlETags = (xml) => xml.replace(/<ETag>([^<]*)<\/ETag>/g, (_, v) => `<ETag>${mapETag(v)}</ETag>`);

// --- CRC-32C (Castagnoli), base64 of the big-endian value, as S3 and OCI exchange it ---------------------------------
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32c(buffers) {
  let crc = 0xffffffff;
  for (const buf of buffers) for (let i = 0; i < buf.length; i++) crc = CRC_TABLE[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

// --- SigV4 re-signing of a request whose body changed (the signature covers the payload hash) -----------------------
const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data).digest();
function resign(method, rawPath, rawQuery, headers, body) {
  const auth = /Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=/.exec(headers['authorization'] ?? '');
  if (!auth) return;
  const [, credential, signedHeaders] = auth;
  const [, date, region, service] = credential.split('/');
  headers['x-amz-content-sha256'] = crypto.createHash('sha256').update(body).digest('hex');
  headers['content-length'] = String(body.length);
  if (headers['content-md5']) headers['content-md5'] = crypto.createHash('md5').update(body).digest('base64');
  const query = (rawQuery ? rawQuery.split('&') : [])
    .map((p) => { const i = p.indexOf('='); return i < 0 ? [decodeURIComponent(p), ''] : [decodeURIComponent(p.slice(0, i)), decodeURIComponent(p.slice(i + 1))]; })
    .map(([k, v]) => [enc(k), enc(v)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`).join('&');
  const names = signedHeaders.split(';');
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [method, rawPath, query, canonicalHeaders, signedHeaders, headers['x-amz-content-sha256']].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', headers['x-amz-date'], scope, crypto.createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac('AWS4' + secretKey, date), region), service), 'aws4_request');
  headers['authorization'] = `AWS4-HMAC-SHA256 Credential=${accessKey}/${scope}, SignedHeaders=${signedHeaders}, Signature=${hmac(key, toSign).toString('hex')}`;
}

// --- the proxy --------------------------------------------------------------------------------------------------------
const parts = new Map(); // uploadId -> Map(partNumber -> Buffer), for --checksums full-object verification

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function s3Error(res, status, code, message) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
  res.end(xml);
}

async function handle(req, res) {
  const [rawPath, rawQuery = ''] = req.url.split(/\?(.*)/s);
  const query = new URLSearchParams(rawQuery);
  const segments = rawPath.split('/').filter((s) => s.length > 0);
  const hasKey = segments.length >= 2;
  const headers = { ...req.headers };
  let body = null;
  let crcToAnswer = null;

  if (bucketEncryptionDenied && req.method === 'GET' && !hasKey && query.has('encryption')) {
    return s3Error(res, 403, 'AccessDenied', 'Access Denied');
  }
  if (bucketEncryption && req.method === 'GET' && !hasKey && query.has('encryption')) {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule>'
      + `<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>${KMS_KEY}</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>`
      + '<BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>';
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
    return res.end(xml);
  }

  if (req.method === 'GET' && !hasKey && query.has('object-lock')) {
    if (objectLockDenied) return s3Error(res, 403, 'AccessDenied', 'Access Denied');
    if (objectLockMissing) return s3Error(res, 404, 'ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket');
    if (objectLock) {
      const rule = objectLockDefault ? '<Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>30</Days></DefaultRetention></Rule>' : '';
      const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        + `<ObjectLockEnabled>Enabled</ObjectLockEnabled>${rule}</ObjectLockConfiguration>`;
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
      return res.end(xml);
    }
  }

  for (const name of ['if-match', 'if-none-match', 'x-amz-copy-source-if-match', 'x-amz-copy-source-if-none-match']) {
    if (headers[name]) headers[name] = mapETag(headers[name]);
  }

  const isComplete = req.method === 'POST' && query.has('uploadId');
  const isPut = req.method === 'PUT' && hasKey && !req.headers['x-amz-copy-source'];
  if (isComplete) {
    body = await readBody(req);
    let xml = mapXmlETags(body.toString('utf8'));
    if (checksums) {
      xml = xml.replace(/<Checksum[A-Z0-9]+>[^<]*<\/Checksum[A-Z0-9]+>/g, '');   // Swift does not know these elements
      const wanted = req.headers['x-amz-checksum-crc32c'];
      if (wanted) {
        const stored = parts.get(query.get('uploadId')) ?? new Map();
        const listed = [...xml.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) => stored.get(Number(m[1])) ?? Buffer.alloc(0));
        const actual = crc32c(listed);
        if (actual !== wanted) return s3Error(res, 400, 'BadDigest', `The full-object CRC32C you specified (${wanted}) did not match the calculated checksum (${actual}).`);
        crcToAnswer = wanted;
      }
    }
    body = Buffer.from(xml, 'utf8');
    resign(req.method, rawPath, rawQuery, headers, body);
  } else if (checksums && isPut && req.headers['x-amz-checksum-crc32c']) {
    body = await readBody(req);
    const actual = crc32c([body]);
    if (actual !== req.headers['x-amz-checksum-crc32c']) {
      return s3Error(res, 400, 'BadDigest', `The CRC32C you specified did not match the calculated checksum.`);
    }
    if (query.has('uploadId')) {
      if (!parts.has(query.get('uploadId'))) parts.set(query.get('uploadId'), new Map());
      parts.get(query.get('uploadId')).set(Number(query.get('partNumber')), body);
    }
    crcToAnswer = actual;
  }

  const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, async (up) => {
    const out = { ...up.headers };
    const ok = up.statusCode >= 200 && up.statusCode < 300;
    if (out.etag) out.etag = mapETag(out.etag);
    if (ok && hasKey && req.method !== 'DELETE' && sseHeaders) {
      out['x-amz-server-side-encryption'] = 'aws:kms';
      out['x-amz-server-side-encryption-aws-kms-key-id'] = KMS_KEY;
      out['x-amz-server-side-encryption-bucket-key-enabled'] = 'true';
    }
    if (ok && crcToAnswer && !isComplete) out['x-amz-checksum-crc32c'] = crcToAnswer;
    // XML answers of the API (listings, completion, copy) carry ETags; an object's own bytes are never touched.
    const objectBytes = (req.method === 'GET' && hasKey && !query.has('uploadId')) || req.method === 'HEAD';
    const isXml = /xml/.test(up.headers['content-type'] ?? '') && !objectBytes;
    if (!isXml) {
      res.writeHead(up.statusCode, out);
      up.pipe(res);
      console.log(JSON.stringify({ method: req.method, path: rawPath, status: up.statusCode }));
      return;
    }
    let xml = mapXmlETags((await readBody(up)).toString('utf8'));
    if (ok && isComplete && crcToAnswer) {
      xml = xml.replace('</CompleteMultipartUploadResult>', `<ChecksumCRC32C>${crcToAnswer}</ChecksumCRC32C><ChecksumType>FULL_OBJECT</ChecksumType></CompleteMultipartUploadResult>`);
      parts.delete(query.get('uploadId'));
    }
    const bytes = Buffer.from(xml, 'utf8');
    delete out['transfer-encoding'];
    out['content-length'] = String(bytes.length);
    res.writeHead(up.statusCode, out);
    res.end(bytes);
    console.log(JSON.stringify({ method: req.method, path: rawPath, status: up.statusCode }));
  });
  forward.on('error', (e) => { if (!res.headersSent) s3Error(res, 502, 'BadGateway', e.message); else res.destroy(); });
  if (body !== null) forward.end(body);
  else req.pipe(forward);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => { if (!res.headersSent) s3Error(res, 500, 'ProxyError', e.message); else res.destroy(); });
});
server.keepAliveTimeout = 30_000;
server.listen(+listenPort, '127.0.0.1', () => {
  console.log(`listening 127.0.0.1:${server.address().port}`);
  console.error(`kmsproxy 127.0.0.1:${server.address().port} -> ${target} ${JSON.stringify({ sseHeaders, checksums, bucketEncryption, objectLock, objectLockMissing, objectLockDenied })}`);
});
