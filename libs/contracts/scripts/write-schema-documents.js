// Writes schemas/*.json and docs/asyncapi.yaml from the compiled package, so both match
// what validateEvent checks. Run by `npm run build` after tsc.
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { renderAsyncApi, renderSchemaFiles } = require('../dist/schemas/schema-documents');
const { version } = require('../package.json');

const schemasDir = path.join(__dirname, '..', 'schemas');
rmSync(schemasDir, { recursive: true, force: true });
for (const [file, schema] of Object.entries(renderSchemaFiles())) {
  const target = path.join(schemasDir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
}

const asyncApiFile = path.join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml');
const header = '# Generated from libs/contracts by `npm run build -w libs/contracts`; edit the schemas there.\n';
writeFileSync(asyncApiFile, header + YAML.stringify(renderAsyncApi(version), { aliasDuplicateObjects: false, lineWidth: 0 }));
