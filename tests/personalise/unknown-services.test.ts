import { describe, expect, it } from 'vitest';
import { unknownServices } from '../../src/browser/unknown-services.ts';
import { serviceIdsOf } from '../../src/lesson/service-refs.ts';
import { riversideHub as hub } from '../helpers/local-service.ts';
import { exampleLesson, exampleLibrary } from '../pdf/helpers.ts';

describe('the help services a school profile given on /personalise/ must still have', () => {
  it('should find a lesson’s services in its list and in its text', () => {
    const lesson = exampleLesson('who-can-help');
    const ids = serviceIdsOf(lesson);
    for (const id of lesson.signposts ?? []) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should refuse, as pshe build --school does, a profile without a local service a lesson points to', () => {
    const library = exampleLibrary();
    const lesson = {
      ...exampleLesson('who-can-help'),
      signposts: [...(exampleLesson('who-can-help').signposts ?? []), hub.id],
    };
    const withHub = { ...library, school: { name: 'Riverside', dslContact: 'Room 12', localServices: [hub] } };
    expect(unknownServices([lesson], withHub)).toEqual([]);
    const without = unknownServices([lesson], { ...withHub, school: { name: 'Riverside', dslContact: 'Room 12' } });
    expect(without.map((d) => [d.ruleId, d.file])).toEqual([['signpost-unknown', 'school.yaml']]);
    expect(without[0].message).toContain('`riverside-hub`');
  });
});
