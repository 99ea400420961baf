import { expect, test } from 'vitest';
import { lessonFiles } from '../../../src/course/folder';
import { parseLessonSource } from '../../../src/course/lesson-source';
import { diagramSources } from '../../../src/markdown/diagram-sources';

test.each([
  ['a top-level fence', 'Text\n\n```mermaid\nflowchart LR\n  A --> B\n```\n', ['flowchart LR\n  A --> B']],
  ['a fence with meta and CRLF line endings', '```mermaid title="x"\r\nflowchart TD\r\n  A\r\n```\r\n', ['flowchart TD\n  A']],
  ['a longer or tilde fence, closed only by its own kind', '~~~~mermaid\nflowchart LR\n```\n~~~~\n', ['flowchart LR\n```']],
  ['an indented fence inside a component', '<Tab>\n  ```mermaid\n  flowchart LR\n    A --> B\n  ```\n</Tab>\n', ['flowchart LR\n  A --> B']],
  ['two diagrams, and code that is not a diagram', '```java\nclass A {}\n```\n```mermaid\nA\n```\n```mermaid\nB\n```\n', ['A', 'B']],
  ['an unclosed fence, to the end of the file', '```mermaid\nflowchart LR\n  A', ['flowchart LR\n  A']],
])('finds %s', (_name, text, expected) => {
  expect(diagramSources(text)).toEqual(expected);
});

test("reads every diagram of the course's lessons and the fixture courses as the lesson parser does", () => {
  for (const dir of ['lessons', 'tests/fixtures/course', 'tests/fixtures/other-course']) {
    for (const { file, raw } of lessonFiles([], dir)) {
      const parsed = parseLessonSource(file, raw).fences.filter((f) => f.lang === 'mermaid').map((f) => f.value);
      expect(diagramSources(raw), file).toEqual(parsed);
    }
  }
});
