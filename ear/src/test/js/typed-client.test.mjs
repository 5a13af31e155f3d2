// A typed client generated from Atrium's $metadata by a generator of the OData ecosystem
// (odata2ts, MIT), compiled with `tsc --strict` and run against the deployed EAR (ODataClientIT).
// The generated code must compile as it is; typed-client/program.ts then creates, queries, changes
// and deletes records through it. odata2ts does not read vocabulary annotations, so, as its
// documentation says for server-managed properties, it is told them: here from the Core.Computed
// annotations of the same $metadata, which is what makes the typed creates compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { apiSession } from './browser.mjs';

const base = process.env.ATRIUM_URL ?? 'http://127.0.0.1:8180';
const sources = path.resolve('typed-client');
const work = path.resolve('../../../target/typed-client');

/** Runs a tool of this folder's node_modules in the work folder; its output is the failure's message. */
function run(command, args, env = {}) {
  try {
    return execFileSync(command, args, {
      cwd: work, encoding: 'utf8', timeout: 180_000, stdio: 'pipe', env: { ...process.env, ...env },
    });
  } catch (e) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

const tool = (name) => path.resolve('node_modules/.bin', name);

/** The properties $metadata annotates Core.Computed, per entity type. */
function computedProperties(xml) {
  const byType = new Map();
  for (const [, type, body] of xml.matchAll(/<EntityType Name="(\w+)">(.*?)<\/EntityType>/gs)) {
    const names = [...body.matchAll(/<Property Name="(\w+)"[^>]*>((?:(?!<\/Property>).)*)<\/Property>/gs)]
      .filter(([, , annotations]) => /<Annotation Term="(?:Core|Org\.OData\.Core\.V1)\.Computed"(?:\s+Bool="true"\s*\/>|>\s*<Bool>true<\/Bool>)/.test(annotations))
      .map(([, name]) => name);
    byType.set(type, names);
  }
  return byType;
}

test('a client generated from $metadata compiles strictly and reads and writes through the service', async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  for (const file of fs.readdirSync(sources)) {
    fs.copyFileSync(path.join(sources, file), path.join(work, file));
  }
  fs.symlinkSync(path.resolve('node_modules'), path.join(work, 'node_modules'), 'dir');

  const call = await apiSession(base, process.env.ATRIUM_USER, process.env.ATRIUM_PASSWORD);
  const metadata = await call('GET', '/0/odata/$metadata', undefined, { Accept: 'application/xml' });
  assert.equal(metadata.status, 200);
  const xml = metadata.json; // not JSON: the session helper hands back the text
  fs.writeFileSync(path.join(work, 'metadata.xml'), xml);

  const computed = computedProperties(xml);
  assert.ok(computed.size >= 10, `entity types read from $metadata: ${computed.size}`);
  for (const [type, names] of computed) {
    assert.deepEqual([...names].sort(), ['CreatedById', 'CreatedOn', 'ModifiedById', 'ModifiedOn'],
      `${type}: the properties the server sets are annotated Core.Computed`);
  }
  const managed = [...new Set([...computed.values()].flat())].map((name) => ({ name, managed: true }));
  fs.writeFileSync(path.join(work, 'odata2ts.config.cjs'), `const { Modes, EmitModes } = require('@odata2ts/odata2ts');
module.exports = { services: { atrium: { source: 'metadata.xml', output: 'generated', mode: Modes.all,
  emitMode: EmitModes.ts, propertiesByName: ${JSON.stringify(managed)} } } };
`);
  run(tool('odata2ts'), []);
  for (const file of ['AtriumModel.ts', 'QAtrium.ts', 'AtriumService.ts']) {
    assert.ok(fs.existsSync(path.join(work, 'generated', file)), `odata2ts wrote ${file}`);
  }
  run(tool('tsc'), ['-p', 'tsconfig.json']); // the generated client and program.ts, every strict check on
  const output = run(process.execPath, ['out/program.js'], {
    ATRIUM_URL: base, ATRIUM_USER: process.env.ATRIUM_USER, ATRIUM_PASSWORD: process.env.ATRIUM_PASSWORD,
  });
  assert.match(output, /typed client: created, queried, changed and deleted Account/);
});
