import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Code and docs cite the facts they rely on as `docs/research/<note>.md` followed by section marks.
 * A section mark belongs to the nearest note named before it, at most three lines up (the same
 * comment); this file keeps every such citation resolvable inside the repository.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const notesDir = join(root, 'docs', 'research');
const skippedDirs = new Set(['node_modules', '.git', 'out', 'dist', 'coverage', 'test-results', 'playwright-report']);
const scannedExtensions = /\.(ts|tsx|js|mjs|cjs|md|json|ya?ml|html|css)$/;
const sectionSign = '\u00a7';
const noteMention = /docs\/research\/([\w.-]+\.md)/g;
const sectionMark = new RegExp(
  `${sectionSign}\\s?(\\d+(?:\\.\\d+)*)(?:\\s?–\\s?${sectionSign}?(\\d+(?:\\.\\d+)*))?`,
  'g',
);
const maxLinesFromNote = 3;

interface Citation {
  readonly where: string;
  readonly note: string | null;
  readonly section: string;
}

/** Section numbers a range like "2.1–2.3" covers: both ends and, on the same prefix, the ones between. */
function sectionsOf(from: string, to: string | undefined): string[] {
  if (to === undefined) return [from];
  const a = from.split('.');
  const b = to.split('.');
  const lastA = Number(a[a.length - 1]);
  const lastB = Number(b[b.length - 1]);
  if (a.length !== b.length || a.slice(0, -1).join('.') !== b.slice(0, -1).join('.') || lastB < lastA) {
    return [from, to];
  }
  const prefix = a.slice(0, -1);
  return Array.from({ length: lastB - lastA + 1 }, (_, k) => [...prefix, String(lastA + k)].join('.'));
}

/** Every section mark in `text` with the note it belongs to (null when no note is named close enough before it). */
function citationsIn(text: string, file: string): Citation[] {
  const mentions = [...text.matchAll(noteMention)].map((m) => ({
    at: m.index,
    end: m.index + m[0].length,
    note: m[1],
  }));
  const lineAt = (index: number): number => text.slice(0, index).split('\n').length;
  return [...text.matchAll(sectionMark)].flatMap((mark) => {
    const owner = mentions.filter((m) => m.end <= mark.index).at(-1);
    const close = owner !== undefined && lineAt(mark.index) - lineAt(owner.at) <= maxLinesFromNote;
    const where = `${file}:${lineAt(mark.index)}`;
    return sectionsOf(mark[1] ?? '', mark[2]).map((section) => ({
      where,
      note: close ? (owner.note ?? null) : null,
      section,
    }));
  });
}

/** The section numbers a note's headings carry ("## 6. Pitfalls" → 6, "### 6.4 …" → 6.4). */
function headingsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)].map((m) => m[1] ?? ''));
}

/** Repository files that may cite a note: source, config and docs, outside the notes themselves. */
function scannedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skippedDirs.has(entry.name) || path === notesDir ? [] : scannedFiles(path);
    return scannedExtensions.test(entry.name) ? [path] : [];
  });
}

/** Problems with the citations in `text`: unknown notes, missing sections, marks with no note, stray paths. */
function problemsIn(text: string, file: string, headings: (note: string) => Set<string> | null): string[] {
  const problems = citationsIn(text, file).flatMap(({ where, note, section }) => {
    if (note === null) return [`${where}: ${sectionSign}${section} names no docs/research note in the lines before it`];
    const sections = headings(note);
    if (sections === null) return [`${where}: docs/research/${note} does not exist`];
    return sections.has(section) ? [] : [`${where}: docs/research/${note} has no heading ${section}`];
  });
  for (const stray of text.matchAll(/(?<!docs\/)\bresearch\/[\w.-]*/g)) {
    problems.push(`${file}:${text.slice(0, stray.index).split('\n').length}: "${stray[0]}" is outside docs/research`);
  }
  return problems;
}

const headingCache = new Map<string, Set<string> | null>();
function noteHeadings(note: string): Set<string> | null {
  if (!headingCache.has(note)) {
    const path = join(notesDir, note);
    headingCache.set(note, existsSync(path) ? headingsOf(readFileSync(path, 'utf8')) : null);
  }
  return headingCache.get(note) ?? null;
}

describe('research citations', () => {
  it('resolve every docs/research citation in the repository to a note and a section heading it has', () => {
    const files = scannedFiles(root).filter((path) => path !== fileURLToPath(import.meta.url));
    const problems: string[] = [];
    let count = 0;
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const file = relative(root, path);
      count += citationsIn(text, file).length;
      problems.push(...problemsIn(text, file, noteHeadings));
    }
    expect(problems).toEqual([]);
    // The scan must actually see the code's citations (the cluster model and the exchange mapping cite many).
    expect(count).toBeGreaterThan(40);
  });

  it('flag a missing section, an unknown note, a mark with no note and a path outside docs/research', () => {
    const s = sectionSign;
    const sample = [
      `// docs/research/liquidation-maps.md ${s}5.1, ${s}2.1–2.3 and ${s}9.9`,
      `// docs/research/missing.md ${s}1`,
      '//',
      '//',
      '//',
      `// far from any note: ${s}1.2`,
      `// see ../shared/research/liquidation-maps.md`,
    ].join('\n');
    expect(problemsIn(sample, 'sample.ts', noteHeadings)).toEqual([
      'sample.ts:1: docs/research/liquidation-maps.md has no heading 9.9',
      'sample.ts:2: docs/research/missing.md does not exist',
      `sample.ts:6: ${s}1.2 names no docs/research note in the lines before it`,
      'sample.ts:7: "research/liquidation-maps.md" is outside docs/research',
    ]);
  });

  it('list every note in docs/research/README.md', () => {
    const index = readFileSync(join(notesDir, 'README.md'), 'utf8');
    const notes = readdirSync(notesDir).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(notes.length).toBeGreaterThanOrEqual(3);
    for (const note of notes) expect(index).toContain(`(${note})`);
  });
});
