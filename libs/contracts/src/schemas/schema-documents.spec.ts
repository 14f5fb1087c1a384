import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { TOPICS } from '../topics';
import { EVENT_TYPES_BY_TOPIC } from './event-schemas';
import { renderAsyncApi, renderSchemaFiles } from './schema-documents';

const packageRoot = path.join(__dirname, '..', '..');
const asyncApiFile = path.join(packageRoot, '..', '..', 'docs', 'asyncapi.yaml');
const REGENERATE = 'run `npm run build -w libs/contracts` and commit the result';

type AsyncApiDocument = {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { bindings: { kafka: { key: unknown } }; payload: unknown }> };
};

function readAsyncApi(): AsyncApiDocument {
  return YAML.parse(readFileSync(asyncApiFile, 'utf8')) as AsyncApiDocument;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('docs/asyncapi.yaml', () => {
  it('is AsyncAPI 3.0 with one channel per topic', () => {
    const document = readAsyncApi();

    expect(document.asyncapi).toBe('3.0.0');
    expect(Object.values(document.channels).map((channel) => channel.address).sort()).toEqual(Object.values(TOPICS).sort());
  });

  it.each(Object.entries(EVENT_TYPES_BY_TOPIC))('lists every event of %s with its key', (topic, types) => {
    const document = readAsyncApi();
    const channel = Object.values(document.channels).find((candidate) => candidate.address === topic);

    expect(Object.keys(channel?.messages ?? {}).sort()).toEqual([...types].sort());
    for (const type of types) {
      expect(document.components.messages[type]?.bindings.kafka.key).toEqual(expect.objectContaining({ type: 'string' }));
    }
  });

  it('matches the schemas the package ships', () => {
    const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };

    expect({ document: readAsyncApi(), fix: REGENERATE }).toEqual({ document: renderAsyncApi(version), fix: REGENERATE });
  });
});

describe('schemas folder', () => {
  it('matches the schemas validateEvent uses', () => {
    const expected = renderSchemaFiles();
    const schemasDir = path.join(packageRoot, 'schemas');

    expect({ files: listFiles(schemasDir).sort(), fix: REGENERATE }).toEqual({ files: Object.keys(expected).sort(), fix: REGENERATE });
    for (const [file, schema] of Object.entries(expected)) {
      expect({ file, schema: JSON.parse(readFileSync(path.join(schemasDir, file), 'utf8')) }).toEqual({ file, schema });
    }
  });
});
