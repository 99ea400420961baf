import { expect, test } from 'vitest';
import { packComponentsSource } from '../../../src/integrations/pack-components';
import { packsOfLessons, PACKS } from '../../../src/packs/index';

const fence = (lang: string, indent = '') => `${indent}\`\`\`${lang} title="x"\n${indent}code\n${indent}\`\`\`\n`;

test('finds the packs a course uses from its fences, nested ones included, and none from prose', () => {
  expect(packsOfLessons([{ raw: `# A\n${fence('java')}` }, { raw: `- item\n\n${fence('redis-cli', '  ')}` }]).map((pack) => pack.name)).toEqual(['redis', 'java']);
  expect(packsOfLessons([{ raw: `${fence('sql')}Run \`redis-cli\` to connect.\n` }])).toEqual([]);
});

test('imports the lesson-end components of the packs the course uses, and nothing for a course without them', () => {
  const source = packComponentsSource(PACKS);
  expect(source).toMatch(/^import End0 from ".*\/src\/components\/RedisConsole\.astro";\n/);
  expect(source).toContain('export const PACK_COMPONENTS = [{ languages: ["redis-cli"], End: End0 }];');
  expect(packComponentsSource([])).toBe('\nexport const PACK_COMPONENTS = [];\n');
});
