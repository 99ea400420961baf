import { afterEach, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run';
import { misreadSettings, readSettings } from '../../src/env';

test('a setting the tools cannot read is named, with the value used instead and what to write', () => {
  const env = { MERMAID_RENDER: 'clinet', DEV_DIAGRAM_WAIT_MS: '1.5s' };
  expect(readSettings(env)).toMatchObject({ mermaidRender: 'build', devDiagramWaitMs: 150 });
  expect(misreadSettings(env)).toEqual([
    '[settings] MERMAID_RENDER=clinet is not "build" or "client": diagrams are drawn at build time. Set MERMAID_RENDER=client to draw them in the browser, or unset it.',
    '[settings] DEV_DIAGRAM_WAIT_MS=1.5s is not a whole number of milliseconds: 150 is used. Set it to 0 or more, such as DEV_DIAGRAM_WAIT_MS=500.',
  ]);
});

test('settings that are unset, empty or valid raise nothing', () => {
  expect(misreadSettings({})).toEqual([]);
  expect(misreadSettings({ MERMAID_RENDER: '', DEV_DIAGRAM_WAIT_MS: ' ' })).toEqual([]);
  expect(misreadSettings({ MERMAID_RENDER: 'client', DEV_DIAGRAM_WAIT_MS: '0' })).toEqual([]);
  expect(readSettings({ MERMAID_RENDER: 'client', DEV_DIAGRAM_WAIT_MS: '0' })).toMatchObject({ mermaidRender: 'client', devDiagramWaitMs: 0 });
});

const saved = process.env['DEV_DIAGRAM_WAIT_MS'];
afterEach(() => {
  if (saved === undefined) delete process.env['DEV_DIAGRAM_WAIT_MS'];
  else process.env['DEV_DIAGRAM_WAIT_MS'] = saved;
});

test('every tool says so before it runs', async () => {
  process.env['DEV_DIAGRAM_WAIT_MS'] = '-5';
  const err: string[] = [];
  const code = await runCli('tool', () => 0, [], { out: () => undefined, err: (line) => err.push(line) });
  expect(code).toBe(0);
  expect(err).toEqual(['[settings] DEV_DIAGRAM_WAIT_MS=-5 is not a whole number of milliseconds: 150 is used. Set it to 0 or more, such as DEV_DIAGRAM_WAIT_MS=500.']);
});
