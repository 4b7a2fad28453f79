import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { declarationsIn, sourceFiles, typeDeclarations } from '../helpers/type-declarations';

/**
 * Issue 16 point 5, one contract: the API's object schemas are written once, as zod schemas in shared/contract,
 * and web/, server/ and test/ take their types from there rather than writing the shape again.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let components: Record<string, string[]>;
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer();
  const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
  const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
  components = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, Object.keys(schema.properties ?? {})]),
  );
});
afterAll(async () => {
  await server.close();
});

/** `file Name ~ Component` for each declaration named after an API schema or holding most of its fields. */
function contractCopies(): string[] {
  const copies = declarationsIn(root, ['web', 'server', 'test'])
    .filter((declaration) => declaration.file !== 'test/server/contract-copies.test.ts')
    .flatMap((declaration) => {
      const matches = Object.entries(components).filter(([name, fields]) => {
        if (name === declaration.name) return true;
        const own = declaration.properties;
        const shared = own.filter((field) => fields.includes(field));
        return own.length >= 4 && shared.length === own.length && shared.length >= 0.75 * fields.length;
      });
      return matches.map(([name]) => `${declaration.file} ${declaration.name} ~ ${name}`);
    });
  return [...new Set(copies)].sort();
}

describe('one API contract', () => {
  it('finds a hand-written copy of a schema by its name or by most of its fields', () => {
    const source = [
      'interface Parameter { name: string; unit: string; default: number; value: number; min: number; max: number }',
      'export type Team = { id: string; name: string };',
      'interface Unrelated { id: string; colour: string; size: number; weight: number }',
    ].join('\n');
    const declared = typeDeclarations('example.ts', source);
    expect(declared.map((d) => [d.name, d.properties])).toEqual([
      ['Parameter', ['name', 'unit', 'default', 'value', 'min', 'max']],
      ['Team', ['id', 'name']],
      ['Unrelated', ['id', 'colour', 'size', 'weight']],
    ]);
  });

  it('writes no API object shape again in web/, server/ or test/', () => {
    expect(contractCopies()).toEqual([]);
  });

  it('registers every named API schema in shared/contract, none in server/', () => {
    const routeSchemas = sourceFiles(root, 'server').flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/\.openapi\('(\w+)'\)|meta\(\{ id: '(\w+)'/g)].map(
        (match) => `${file} ${match[1] ?? match[2]}`,
      ),
    );
    expect(routeSchemas).toEqual([]);
  });
});
