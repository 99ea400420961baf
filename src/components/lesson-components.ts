import type { LessonComponentName } from '../markdown/components';
import Callout from './Callout.astro';
import Tab from './Tab.astro';
import Tabs from './Tabs.astro';

/** The components lessons use without an import, by the names `src/markdown/components.ts` lists. */
export const lessonComponents = { Callout, Tabs, Tab } satisfies Record<LessonComponentName, unknown>;
