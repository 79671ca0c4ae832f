#!/usr/bin/env node
// Parses every *.tf and *.tfvars* file of a folder with @cdktf/hcl2json (HashiCorp's hcl/v2 compiled to WASM) and prints
// one JSON object: { "files": { "main.tf": <hcl2json output>, ... }, "errors": { "bad.tf": "file:line,col: message" } }.
// The CostSync tests (tests/CostSync.Tests/Deploy) read it to check deploy/tofu without a tofu binary.
// Usage: node hcl2json.js DIR
'use strict';
const fs = require('fs');
const path = require('path');

let parse;
try {
  ({ parse } = require('@cdktf/hcl2json'));
} catch (e) {
  console.error('@cdktf/hcl2json is not installed. Install the test tools with: npm ci --prefix tests/servers');
  process.exit(3);
}

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: node hcl2json.js DIR');
  process.exit(2);
}

(async () => {
  const result = { files: {}, errors: {} };
  const names = fs.readdirSync(dir).filter((f) => /\.tf$|\.tfvars(\.example)?$/.test(f)).sort();
  for (const name of names) {
    try {
      result.files[name] = await parse(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch (e) {
      result.errors[name] = String(e.message || e).trim();
    }
  }
  process.stdout.write(JSON.stringify(result));
})();
