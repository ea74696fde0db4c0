import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { makeLibrary, validLesson, validSignposts } from './fixture.ts';
import { renderPptx } from '../../src/pptx/index.ts';
import { buildSlideDeck } from '../../src/slides/index.ts';
import { exampleLesson } from '../slides/fixture.ts';
import { parts } from '../pptx/pptx-parts.ts';

function diagnosticsOf(files: Record<string, string>, ending: string) {
  const started = performance.now();
  const { diagnostics } = loadLibrary(makeLibrary(files), { today: '2026-11-26' });
  expect(performance.now() - started).toBeLessThan(2000);
  return diagnostics.filter((d) => d.file.endsWith(ending) && d.ruleId === 'control-character');
}

const lesson = (yaml: string) => diagnosticsOf({ 'unit-a/asking-for-help.yaml': yaml }, 'asking-for-help.yaml');

describe('control characters (text is text)', () => {
  it('should report a vertical tab typed into a title at its line and column, naming it', () => {
    const found = lesson(validLesson.replace('title: Asking for help', 'title: Asking\u000bfor help'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 1, column: 14 });
    expect(found[0].message).toContain('U+000B');
  });

  it('should report an escape written "\\v" or "\\x1b" in a quoted value or key, at that scalar', () => {
    const value = lesson(validLesson.replace('title: Asking for help', 'title: "Asking\\vfor help"'));
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({ line: 1, column: 8 });
    expect(value[0].message).toContain('U+000B');
    const key = lesson(`${validLesson}"odd\\x1bkey": 1\n`);
    expect(key[0]).toMatchObject({ line: validLesson.split('\n').length, column: 1 });
    expect(key[0].message).toContain('U+001B');
  });

  it('should report NUL, form feed and DEL, but not tab or new line', () => {
    const found = lesson(validLesson.replace('Trusted adults can help.', 'Trusted\u0000 adults\u000c can\u007f help.'));
    expect(found.map((d) => d.message.match(/U\+[0-9A-F]{4}/)?.[0])).toEqual(['U+0000', 'U+000C', 'U+007F']);
    expect(found.every((d) => d.line === 7)).toBe(true);
    expect(lesson(validLesson.replace('dslNotes: |\n  Inform', 'dslNotes: |\n  \tInform'))).toEqual([]);
  });

  it('should report U+FFFF, U+FFFE and half a character, which no Word document or PowerPoint can hold', () => {
    const typed = lesson(validLesson.replace('Trusted adults can help.', 'Trusted \uffff adults can help.'));
    expect(typed.map((d) => d.message.match(/U\+[0-9A-F]{4}/)?.[0])).toEqual(['U+FFFF']);
    expect(typed[0]).toMatchObject({ severity: 'error', line: 7 });
    const escaped = lesson(validLesson.replace('title: Asking for help', 'title: "Asking \\ufffe for help"'));
    expect(escaped.map((d) => d.message.match(/U\+[0-9A-F]{4}/)?.[0])).toEqual(['U+FFFE']);
    const half = lesson(validLesson.replace('title: Asking for help', 'title: "Asking \\ud800 for help"'));
    expect(half.map((d) => d.message.match(/U\+[0-9A-F]{4}/)?.[0])).toEqual(['U+D800']);
    expect(half[0].message).toContain('half of a character');
  });

  it('should check unit, signposts and school files too', () => {
    const unit = diagnosticsOf(
      { 'unit-a/unit.yaml': 'title: "Unit\\u0007A"\nlessons: [asking-for-help]\n' },
      'unit.yaml',
    );
    expect(unit[0]).toMatchObject({ line: 1, column: 8 });
    const signposts = diagnosticsOf(
      { 'signposts.yaml': validSignposts.replace('name: Childline', 'name: Child\u000bline') },
      'signposts.yaml',
    );
    expect(signposts[0]).toMatchObject({ line: 2, column: 14 });
    const school = diagnosticsOf({ 'school.yaml': 'name: "A\\u001bSchool"\ndslContact: Office\n' }, 'school.yaml');
    expect(school[0]).toMatchObject({ line: 1, column: 7 });
  });

  it('should report at most the per-file cap of a megabyte of control characters, quickly', () => {
    const found = diagnosticsOf(
      { 'unit-a/asking-for-help.yaml': `${validLesson}summary: ${'\u000b'.repeat(900_000)}\n` },
      'asking-for-help.yaml',
    );
    expect(found.length).toBeLessThanOrEqual(50);
  });
});

describe('renderers never write control characters', () => {
  it('should give a PowerPoint whose XML has no control characters when a title holds a vertical tab', async () => {
    const { lesson: base, library } = exampleLesson('spotting-online-scams');
    const tabbed = { ...base, title: 'Spotting\u000bonline\u0007scams' };
    tabbed.cycles = base.cycles.map((cycle) => ({
      ...cycle,
      title: `${cycle.title}\u000b!`,
      slides: cycle.slides?.map((slide) => ({ ...slide, title: `${slide.title}\u000b\u001b` })),
    }));
    const files = parts(await renderPptx(buildSlideDeck(tabbed, library), { library }));
    const xml = [...files].filter(([name]) => /\.(xml|rels)$/.test(name));
    expect(xml.length).toBeGreaterThan(5);
    const all = xml.map(([, text]) => text).join('\n');
    expect(all).toContain('Spottingonlinescams');
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
    for (const [name, text] of xml) expect(control.test(text), name).toBe(false);
  });
});
