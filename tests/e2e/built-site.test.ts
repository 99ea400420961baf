import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseLessonSource } from '../../src/course/lesson-source';
import { readBuiltSite } from '../../src/integrations/built-site';
import { checkLinks } from '../../src/integrations/link-check';
import { questionRecords } from '../../src/integrations/search-index';
import { describeWithChromium } from '../support/chromium';
import { OTHER_COURSE, SITES } from '../support/sites';

// These read the sites the suite built (no browser of their own); the builds need Chromium, hence the guard.
describeWithChromium('what the build writes, read back from the built pages', () => {
  describe('the search records of interview questions', () => {
    test('are one per question of a real lesson page, with its text, level and phase as the page shows them', () => {
      const lesson = parseLessonSource('joins.mdx', readFileSync(join(OTHER_COURSE, 'queries', 'joins.mdx'), 'utf8'));
      const questions = lesson.values['interviewQuestions'] as { level: string; question: string }[];
      const records = questionRecords(readBuiltSite(SITES.other.outDir)).filter((r) => r.url.startsWith('/queries/joins/'));
      expect(records.map((r) => [r.url, r.meta.title, r.meta.level, r.meta.phase, r.meta.lesson])).toEqual(
        questions.map((q, i) => [`/queries/joins/#q-${i + 1}`, q.question, q.level, 'Phase 2 · Queries', 'Joins That Scale']),
      );
      expect(records[0]!.content).toContain('The rows that match the condition');
      expect(records[0]!.filters).toEqual({ phase: ['Phase 2 · Queries'], type: ['Interview question'], level: ['Warm-up'] });
    });
  });

  describe('the link check', () => {
    const withLink = (href: string) => {
      const dist = mkdtempSync(join(tmpdir(), 'built-links-'));
      cpSync(SITES.other.outDir, dist, { recursive: true });
      const page = join(dist, 'queries', 'joins', 'index.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', `<a href="${href}">x</a></main>`));
      try {
        return checkLinks(readBuiltSite(dist), '/', 'http://127.0.0.1').broken.map((b) => `${b.href} ${b.reason}`);
      } finally {
        rmSync(dist, { recursive: true, force: true });
      }
    };

    test('passes the real pages as built', () => {
      expect(checkLinks(readBuiltSite(SITES.other.outDir), '/', 'http://127.0.0.1').broken).toEqual([]);
    });

    test.each(['#description', '#viewport'])('does not take a meta tag for the anchor %s', (anchor) => {
      expect(withLink(anchor)).toEqual([`${anchor} points to ${anchor}, which is not on that page`]);
    });

    test('finds a question and a heading anchor of the page', () => {
      expect(withLink('#q-2')).toEqual([]);
      expect(withLink('../../foundations/tables-and-rows/#recap')).toEqual([]);
    });
  });
});
