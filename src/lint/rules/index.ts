import type { Rule } from '../types';
import { descriptionLength } from './description-length';
import { diagramInUnderstanding } from './diagram-in-understanding';
import { durationMatchesReadingTime } from './duration-matches-reading-time';
import { fenceLanguage } from './fence-language';
import { headingLevels } from './heading-levels';
import { internalLinks } from './internal-links';
import { interviewLevels } from './interview-levels';
import { mdxSyntax } from './mdx-syntax';
import { noRawHtmlLt } from './no-raw-html-lt';
import { requiredSections } from './required-sections';
import { templatePlaceholders } from './template-placeholders';
import { unclosedFence } from './unclosed-fence';

/** Every lesson lint rule, by id. RM001–RM005 (frontmatter and clashes) come from src/course/check.ts. */
export const LINT_RULES: readonly Rule[] = [
  mdxSyntax,
  requiredSections,
  fenceLanguage,
  diagramInUnderstanding,
  interviewLevels,
  durationMatchesReadingTime,
  descriptionLength,
  headingLevels,
  internalLinks,
  templatePlaceholders,
  unclosedFence,
  noRawHtmlLt,
];
