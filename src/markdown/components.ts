/** Components every lesson may use without an import; `src/components/lesson-components.ts` maps each name to its component. */
export const LESSON_COMPONENTS = ['Callout', 'Tabs', 'Tab'] as const;
export type LessonComponentName = (typeof LESSON_COMPONENTS)[number];

/** "<Callout>, <Tabs> and <Tab>", for messages. */
export const componentList = (): string => {
  const tags = LESSON_COMPONENTS.map((c) => `<${c}>`);
  return tags.length > 1 ? `${tags.slice(0, -1).join(', ')} and ${tags.at(-1)}` : (tags[0] ?? '');
};
