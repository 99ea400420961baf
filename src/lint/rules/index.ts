import type { Rule } from '../types';
import { descriptionLength } from './description-length';
import { durationMatchesReadingTime } from './duration-matches-reading-time';
import { fenceLanguage } from './fence-language';
import { headingLevels } from './heading-levels';
import { internalLinks } from './internal-links';
import { interviewLevels } from './interview-levels';
import { mdxSyntax } from './mdx-syntax';
import { noRawHtmlLt } from './no-raw-html-lt';
import { requiredDiagram } from './required-diagram';
import { requiredSections } from './required-sections';
import { templatePlaceholders } from './template-placeholders';
import { unclosedFence } from './unclosed-fence';

/** Every lesson lint rule, by id. RM001–RM006 (course.yaml, frontmatter and clashes) come from src/course/check.ts. */
export const LINT_RULES: readonly Rule[] = [
  mdxSyntax,
  requiredSections,
  fenceLanguage,
  requiredDiagram,
  interviewLevels,
  durationMatchesReadingTime,
  descriptionLength,
  headingLevels,
  internalLinks,
  templatePlaceholders,
  unclosedFence,
  noRawHtmlLt,
];
