import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The pipeline runs one way (docs/design.md, "The pipeline"): YAML → validated
 * Lesson → renderers (the site among them) → check → pool → build → the command line. A
 * module may import its own stage or an earlier rank; stages that share a rank
 * are siblings and import nothing from each other. Written once, here: a path
 * ending in `/` is a folder, the longest match names a file's stage.
 */
const ranks: Record<string, string[]>[] = [
  {
    // Leaves: import nothing of ours but each other; markdown, the loader and the command line read them.
    shared: [
      'src/code-version.ts',
      'src/colour.ts',
      'src/source-date.ts',
      'src/dates.ts',
      'src/fonts/',
      'src/limits.ts',
      'src/did-you-mean.ts',
      'src/deflate.ts',
      'src/file-name.ts',
      'src/platform/',
    ],
  },
  // Text → mdast; the loader calls it for every markdown field.
  { markdown: ['src/markdown/'] },
  // YAML → validated Lesson model and diagnostics; the one gate for library files.
  { lesson: ['src/lesson/', 'src/library-file.ts', 'src/image-check.ts'] },
  {
    // The registry of a lesson's outputs, read by renderers, the build and the site.
    outputs: ['src/outputs.ts'],
    // Flags, colour and diagnostics as text: what every command prints with.
    terminal: ['src/cli/colour.ts', 'src/cli/flags.ts', 'src/cli/format-text.ts'],
  },
  // Renderers: slides are laid out once and drawn by the PDF and PowerPoint renderers.
  { slides: ['src/slides/'], html: ['src/html/'] },
  // What each printed document holds, in order: the PDF and Word renderers walk the same outline.
  { documents: ['src/documents/'] },
  // The site (Astro) is a renderer too: `pshe build` and `pshe dev` run it in-process.
  { pdf: ['src/pdf/'], pack: ['src/pack/'], site: ['src/site/'], preview: ['src/preview/'] },
  // The office formats: they share the PDFs' palette and the zip writer.
  { pptx: ['src/pptx/'], docx: ['src/docx/'] },
  // Rules that need a renderer (a slide that holds too much), composed over the loader.
  { check: ['src/check/'] },
  // The worker pool `pshe check` and `pshe build` share.
  { pool: ['src/pool/'] },
  // `pshe build`: threads, download cache, the site phase, atomic output.
  { pipeline: ['src/pipeline/'] },
  // Entry points: the command line, and the browser's render worker (the renderers, bundled for the site).
  { cli: ['src/cli/'], browser: ['src/browser/'] },
];

/**
 * Imports allowed against the order, each with its reason: `from → to`, as
 * paths from the repository root. Ideally none.
 */
const allowed: Record<string, string> = {};

const root = path.resolve(import.meta.dirname, '../..');
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

function stageOf(file: string): { stage: string; rank: number } | undefined {
  let best: { stage: string; rank: number; length: number } | undefined;
  ranks.forEach((stages, rank) => {
    for (const [stage, patterns] of Object.entries(stages)) {
      for (const pattern of patterns) {
        const match = pattern.endsWith('/') ? file.startsWith(pattern) : file === pattern;
        if (match && (!best || pattern.length > best.length)) best = { stage, rank, length: pattern.length };
      }
    }
  });
  return best && { stage: best.stage, rank: best.rank };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|tsx|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The module specifiers a file names: imports, re-exports, `import()` and worker entries (`new URL('./x.ts', import.meta.url)`). */
function specifiers(file: string): string[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.astro')) {
    // The frontmatter and the scripts are TypeScript; the rest is markup.
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
    text = [frontmatter, ...scripts].join('\n');
  }
  const found = ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
  for (const match of text.matchAll(/new URL\(\s*['"]([^'"]+\.m?ts)['"]\s*,\s*import\.meta\.url\s*\)/g))
    found.push(match[1]);
  return found;
}

const files = sourceFiles(path.join(root, 'src')).map(rel);

describe('the pipeline runs one way', () => {
  it('should give every module under src/ a stage', () => {
    expect(files.filter((file) => !stageOf(file))).toEqual([]);
  });

  it('should have no module import a later stage, nor a sibling', () => {
    const wrong: string[] = [];
    const used = new Set<string>();
    for (const file of files) {
      const from = stageOf(file);
      if (!from) continue;
      for (const specifier of specifiers(path.join(root, file))) {
        if (!specifier.startsWith('.')) continue;
        const target = rel(path.resolve(root, path.dirname(file), specifier));
        const to = stageOf(target);
        if (!to || to.stage === from.stage || to.rank < from.rank) continue;
        const edge = `${file} → ${target}`;
        if (allowed[edge]) {
          used.add(edge);
          continue;
        }
        wrong.push(
          `${edge}: ${from.stage} imports ${to.stage}, ${to.rank === from.rank ? 'a sibling' : 'a later stage'}`,
        );
      }
    }
    expect(wrong).toEqual([]);
    // An exception no longer needed is taken out of the list.
    expect(Object.keys(allowed).filter((edge) => !used.has(edge))).toEqual([]);
  });

  it('should see imports of every kind (a check of the checker)', () => {
    const names = specifiers(path.join(root, 'src/pipeline/build-worker.ts'));
    expect(names).toContain('../pool/pool-worker.ts');
    expect(specifiers(path.join(root, 'src/pool/lesson-pool.ts'))).toContain('./check-worker.ts');
    expect(stageOf('src/lesson/load-library.ts')?.stage).toBe('lesson');
    expect(stageOf('src/limits.ts')?.stage).toBe('shared');
  });
});
