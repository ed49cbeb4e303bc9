// docs/rubric.schema.json, the format authors write their own assessment in, agrees with the Rust
// model: our rubric and FAQ in that format (target/e2e/rubric.json, by `cargo run --example
// e2e-fixtures`) and examples/rubrics/staff-engineer.json are valid, and each broken sample in
// tests/fixtures/broken-rubrics.json is not (tests/authored.rs shows the validator refusing the
// same samples). Node only, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = resolve(import.meta.dirname, '..');
const read = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
// Strict about keywords (a misspelt one fails), not about the schema's style of writing types.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
const valid = ajv.compile(read('docs/rubric.schema.json'));
const problems = (data) => (valid(data) ? [] : valid.errors.map((e) => `${e.instancePath} ${e.message}`));

function ours() {
  if (!existsSync(join(ROOT, 'target/e2e/rubric.json'))) throw new Error('target/e2e/rubric.json is missing: run `cargo run --example e2e-fixtures` first (scripts/test does).');
  return readFileSync(join(ROOT, 'target/e2e/rubric.json'), 'utf8');
}

test('our rubric and FAQ, and the example, are valid under the schema', () => {
  assert.deepEqual(problems(JSON.parse(ours())), [], 'our rubric');
  assert.deepEqual(problems(read('examples/rubrics/staff-engineer.json')), [], 'the example');
});

test('each broken sample fails the schema', () => {
  const text = ours();
  const samples = read('tests/fixtures/broken-rubrics.json');
  for (const { what, from, to } of samples) {
    assert.ok(text.includes(from), `${what}: our rubric's JSON has no ${from}`);
    assert.notDeepEqual(problems(JSON.parse(text.replace(from, to))), [], `${what}: accepted by the schema`);
  }
});
