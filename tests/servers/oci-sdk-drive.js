#!/usr/bin/env node
// Drive the CostSync OCI emulator with the official OCI TypeScript SDK (npm oci-*), proving it speaks real OCI:
// ListObjects signed with an API key or a session token over several pages, HeadObject/GetObject (full and ranged) of an odd name,
// GetSecretBundle and PublishMessage.
//
// Usage: node oci-sdk-drive.js BASE_URL (OCI_CONFIG_FILE | --instance-principal) SECRET_ID SECRET_VALUE TOPIC_ID
//   OCI_CONFIG_FILE: profile DEFAULT, API key or session token (security_token_file);
//   --instance-principal: IMDS at BASE_URL/opc/v2/ and federation at BASE_URL/v1/x509.
// Prints one line per check and "N passed, N failed"; exits 1 if any check failed.
'use strict';
const crypto = require('crypto');
const common = require('oci-common');
const objectstorage = require('oci-objectstorage');
const secrets = require('oci-secrets');
const ons = require('oci-ons');
const monitoring = require('oci-monitoring');

const [baseUrl, configFile, secretId, secretValue, topicId] = process.argv.slice(2);
if (!topicId) {
  console.error('usage: node oci-sdk-drive.js BASE_URL (OCI_CONFIG_FILE | --instance-principal) SECRET_ID SECRET_VALUE TOPIC_ID');
  process.exit(2);
}
const endpoint = baseUrl.replace(/\/$/, '');
let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function readAll(value) {
  const chunks = [];
  if (typeof value.getReader === 'function') {
    const reader = value.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(chunk));
    }
  } else {
    for await (const chunk of value) chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

(async () => {
  let provider;
  let tenancy;
  if (configFile === '--instance-principal') {
    // IMDS v2 (cert, key, intermediate) and federation (/v1/x509) on the emulator, then ST$<token> signing.
    const builder = new common.InstancePrincipalsAuthenticationDetailsProviderBuilder();
    builder.metadataBaseUrl = `${endpoint}/opc/v2/`;
    builder.federationEndpoint = endpoint;
    provider = await builder.build();
    tenancy = builder.tenancyId;
    console.log('auth: instance principal (IMDS + federation)');
  } else {
    // A config with security_token_file is a session-token profile: the SDK signs with keyId ST$<token> only through
    // SessionAuthDetailProvider (a ConfigFileAuthenticationDetailsProvider subclass); otherwise it is an API-key profile.
    const sessionProfile = /^\s*security_token_file\s*=/m.test(require('fs').readFileSync(configFile, 'utf8'));
    provider = sessionProfile
      ? new common.SessionAuthDetailProvider(configFile, 'DEFAULT')
      : new common.ConfigFileAuthenticationDetailsProvider(configFile, 'DEFAULT');
    tenancy = await provider.getTenantId();
    console.log(`auth: ${sessionProfile ? 'session token (ST$)' : 'API key'}`);
  }
  const clientConfiguration = { retryConfiguration: { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) } };
  const storage = new objectstorage.ObjectStorageClient({ authenticationDetailsProvider: provider }, clientConfiguration);
  storage.endpoint = endpoint;
  const namespaceName = 'bling';
  const bucketName = tenancy;
  let listed = [];
  let full = Buffer.alloc(0);

  await check('ListObjects pages through the bling bucket', async () => {
    let start;
    let pages = 0;
    do {
      const response = await storage.listObjects({ namespaceName, bucketName, limit: 7, start, fields: 'name,size,md5,etag,timeCreated' });
      pages++;
      listed = listed.concat(response.listObjects.objects);
      start = response.listObjects.nextStartWith;
    } while (start);
    assert(pages > 1, `expected several pages, got ${pages}`);
    const names = listed.map((o) => o.name);
    assert(new Set(names).size === names.length, 'a name was listed twice');
    const sorted = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    assert(JSON.stringify(sorted) === JSON.stringify(names), 'names are not in UTF-8 byte order');
    assert(listed.every((o) => typeof o.size === 'number' && o.md5 && o.etag), 'size/md5/etag missing from listing');
  });

  await check('ListObjects with prefix and delimiter', async () => {
    const response = await storage.listObjects({ namespaceName, bucketName, prefix: 'FOCUS Reports/', delimiter: '/' });
    assert(response.listObjects.prefixes.length > 0, 'no prefixes under FOCUS Reports/');
    assert(response.listObjects.prefixes.every((p) => p.startsWith('FOCUS Reports/') && p.endsWith('/')), 'bad prefix');
  });

  const odd = listed.find((o) => /[^\x20-\x7e]/.test(o.name) && o.size > 20) || listed.find((o) => /[ +&~%]/.test(o.name) && o.size > 20);
  await check('HeadObject of an odd name', async () => {
    assert(odd, 'no odd-named object in the listing');
    const head = await storage.headObject({ namespaceName, bucketName, objectName: odd.name });
    assert(head.contentLength === odd.size, `content-length ${head.contentLength} != listed size ${odd.size}`);
    assert(head.eTag === odd.etag, 'etag differs from listing');
    assert(head.contentMd5 === odd.md5, 'content-md5 differs from listing md5');
  });

  await check('GetObject of an odd name (full, MD5 verified)', async () => {
    const response = await storage.getObject({ namespaceName, bucketName, objectName: odd.name });
    const body = await readAll(response.value);
    full = body;
    assert(body.length === odd.size, `read ${body.length} bytes, expected ${odd.size}`);
    assert(crypto.createHash('md5').update(body).digest('base64') === odd.md5, 'MD5 of the body differs');
  });

  await check('GetObject with a range and If-Match', async () => {
    const response = await storage.getObject({ namespaceName, bucketName, objectName: odd.name, range: new common.Range(5, 14), ifMatch: odd.etag });
    const body = await readAll(response.value);
    assert(body.length === 10, `ranged read returned ${body.length} bytes`);
    // contentRange is not checked: oci-common 2.142 lower-cases the type name before matching "common.Range", so the
    // SDK always reports it as undefined. The bytes themselves prove the range was honoured.
    assert(body.equals(full.subarray(5, 15)), 'ranged bytes differ from the full read');
  });

  await check('GetSecretBundle by id', async () => {
    const client = new secrets.SecretsClient({ authenticationDetailsProvider: provider }, clientConfiguration);
    client.endpoint = endpoint;
    const response = await client.getSecretBundle({ secretId });
    const content = response.secretBundle.secretBundleContent;
    assert(content.contentType === 'BASE64', `contentType ${content.contentType}`);
    assert(Buffer.from(content.content, 'base64').toString('utf8') === secretValue, 'secret content differs');
  });

  await check('PublishMessage to a topic', async () => {
    const client = new ons.NotificationDataPlaneClient({ authenticationDetailsProvider: provider }, clientConfiguration);
    client.endpoint = endpoint;
    const response = await client.publishMessage({ topicId, messageDetails: { title: 'CostSync SDK check', body: 'Published by the official OCI SDK.' } });
    assert(response.publishResult.messageId, 'no messageId');
  });

  await check('PostMetricData to the telemetry ingestion endpoint', async () => {
    const client = new monitoring.MonitoringClient({ authenticationDetailsProvider: provider }, clientConfiguration);
    client.endpoint = endpoint;
    const response = await client.postMetricData({
      postMetricDataDetails: {
        metricData: [{
          namespace: 'costsync',
          compartmentId: 'ocid1.compartment.oc1..sdkconformance',
          resourceGroup: 'sdk-host',
          name: 'sdk_check',
          dimensions: { host: 'sdk-host' },
          datapoints: [{ timestamp: new Date(), value: 42 }],
        }],
        batchAtomicity: monitoring.models.PostMetricDataDetails.BatchAtomicity.Atomic,
      },
    });
    assert(response.postMetricDataResponseDetails.failedMetricsCount === 0, 'a metric was rejected');
  });

  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.log(`FAIL unexpected: ${e && e.stack ? e.stack : e}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
