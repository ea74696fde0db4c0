import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lesson/load-library.ts';
import { makeLibrary, validLesson } from './fixture.ts';

function diagnosticsFor(content: string | Uint8Array) {
  const dir = makeLibrary({ 'unit-a/asking-for-help.yaml': content });
  return loadLibrary(dir, { today: '2026-11-26' }).diagnostics.filter((d) => d.file.endsWith('asking-for-help.yaml'));
}

describe('hostile files', () => {
  it('should place a non-UTF-8 file at its first invalid byte', () => {
    const bytes = Buffer.concat([Buffer.from('title: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const [found] = diagnosticsFor(bytes);
    expect(found).toMatchObject({ ruleId: 'file-not-utf8', line: 1, column: 11 });
  });

  it('should report an empty file', () => {
    expect(diagnosticsFor('# only a comment\n\n')[0].ruleId).toBe('file-empty');
  });

  it('should report a file that is a list, not a mapping', () => {
    expect(diagnosticsFor('- one\n- two\n')[0].ruleId).toBe('yaml-not-mapping');
  });

  it('should refuse a file over 1 MB without parsing it', () => {
    expect(diagnosticsFor(`title: x\nsummary: "${'a'.repeat(1_100_000)}"\n`)[0].ruleId).toBe('file-too-large');
  });

  it('should stop a YAML alias bomb quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      bomb.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const [found] = diagnosticsFor(`${bomb.join('\n')}\n`);
    expect(found.ruleId).toBe('yaml-alias-limit');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('should accept a UTF-8 byte order mark and CRLF line endings', () => {
    const crlf = `\ufeff${validLesson.replace(/\n/g, '\r\n')}`;
    expect(diagnosticsFor(crlf)).toEqual([]);
  });

  it('should keep checking other files when one is broken', () => {
    const dir = makeLibrary({
      'unit-a/unit.yaml': 'title: Unit A\nlessons: [asking-for-help, broken]\n',
      'unit-a/broken.yaml': 'title: [unclosed\n',
    });
    const { diagnostics, library } = loadLibrary(dir, { today: '2026-11-26' });
    expect(diagnostics.some((d) => d.file.endsWith('broken.yaml') && d.ruleId === 'yaml-syntax')).toBe(true);
    expect(library.lessons.map((lesson) => lesson.id)).toEqual(['asking-for-help']);
  });
});

describe('UTF-8 that Node refuses', () => {
  it.each([
    ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
    ['an overlong slash (E0 80 AF)', [0xe0, 0x80, 0xaf]],
    ['a code point past U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
  ])('should place %s at its first byte', (_name, bad) => {
    const bytes = Buffer.concat([Buffer.from('title: ab'), Buffer.from(bad), Buffer.from('\n')]);
    const [found] = diagnosticsFor(bytes);
    expect(found).toMatchObject({ ruleId: 'file-not-utf8', line: 1, column: 10 });
  });
});
