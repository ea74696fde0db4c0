import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { exampleLibrary } from './fixture.ts';

const siteDir = () => inject('siteDir');
const read = (file: string) => readFileSync(path.join(siteDir(), file));

describe('unit approval in the built example site', () => {
  const { units, lessons } = exampleLibrary();

  it("should put each unit's approval sheet beside its pack and in it", () => {
    for (const unit of units) {
      const sheet = read(`downloads/units/${unit.id}-approval.pdf`);
      expect(sheet.subarray(0, 5).toString()).toBe('%PDF-');
      const zip = unzipSync(read(`downloads/units/${unit.id}-pack.zip`));
      expect(Buffer.from(zip[`${unit.id}-approval.pdf`]).equals(sheet)).toBe(true);
      expect(Buffer.from(zip['README.md']).toString()).toContain(`${unit.id}-approval.pdf`);
    }
  });

  it('should link the approval sheet and page from the unit page', () => {
    for (const unit of units) {
      const html = read(`units/${unit.id}/index.html`).toString();
      expect(html).toContain(`href="/downloads/units/${unit.id}-approval.pdf"`);
      expect(html).toContain(`href="/units/${unit.id}/approval/"`);
    }
  });

  it("should list each lesson's title and supervision on the approval page, with the PDF linked", () => {
    for (const unit of units) {
      const html = read(`units/${unit.id}/approval/index.html`).toString();
      expect(html).toContain(`href="/downloads/units/${unit.id}-approval.pdf"`);
      for (const id of unit.lessons) {
        const lesson = lessons.find((l) => l.id === id)!;
        expect(html).toContain(`href="/lessons/${lesson.id}/"`);
        expect(html).toMatch(/Adult supervision (suggested|recommended|required)|Adult support required/);
      }
    }
  });
});
