/**
 * Generates, from the routes' zod schemas: docs/openapi.json (the OpenAPI 3.1 document) and
 * src/client/schema.ts (its TypeScript types, for the openapi-fetch client in src/client).
 * `npm run generate:client` writes them; tests/api/openapi.test.ts fails when they are out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../src/server/document.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('../src/client/schema.ts', import.meta.url));

const HEADER = '// Generated from docs/openapi.json by `npm run generate:client` (openapi-typescript). Do not edit.\n\n';

/** The document and the client types, as the files should read. */
export async function generatedFiles(): Promise<{ openapi: string; schema: string }> {
  const doc = await openApiDocument();
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { alphabetize: false, defaultNonNullable: false });
  return { openapi: `${JSON.stringify(doc, null, 2)}\n`, schema: HEADER + astToString(ast) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await generatedFiles();
  writeFileSync(OPENAPI_FILE, files.openapi);
  writeFileSync(SCHEMA_FILE, files.schema);
  process.stdout.write(`wrote ${OPENAPI_FILE} and ${SCHEMA_FILE}\n`);
}
