import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { bundleAstroConfig } from '../../../src/cli/astro-config';

test('the bundled astro.config.mjs loads in plain Node, as Astro first tries, with the course integration in it', { timeout: 60_000 }, async () => {
  const bundled = await bundleAstroConfig();
  const bundle = bundled?.file;
  expect(bundle).toBe('node_modules/.course-site/astro.config.mjs');
  // What `npm run dev` watches to restart: the config and the project's modules in it, none of node_modules.
  expect(bundled!.inputs).toContain(resolve('astro.config.mjs'));
  expect(bundled!.inputs).toContain(resolve('src/env.ts'));
  expect(bundled!.inputs.filter((input) => input.includes('node_modules'))).toEqual([]);
  // Every module keeps the URL of its own source, so files found beside a source (the diagram fallback, Mermaid's build) still are.
  expect(readFileSync(bundle!, 'utf8')).not.toContain('import.meta.url');
  const names = execFileSync(process.execPath, ['--input-type=module', '-e', `const { default: config } = await import('./${bundle}'); console.log(JSON.stringify(config.integrations.map((i) => i.name)));`], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  expect(JSON.parse(names)).toEqual(['course-site']);
});
