import { describe, expect, it } from 'vitest';
import { inputOfProblem, schoolFormOf, schoolYaml } from '../../src/browser/school-yaml.ts';
import { readSchoolProfile } from '../../src/lesson/school-profile.ts';

const check = (text: string) => readSchoolProfile('school.yaml', new TextEncoder().encode(text));

describe('the school.yaml the personalise page makes from its form', () => {
  it('should give back the same profile the form was filled from, services, ids and logo included', () => {
    const profile = {
      name: 'St Mary’s "Upper" School: Riverside',
      dslContact: 'Room 12\nor ask at reception',
      accentColour: '#7a1f5c',
      logo: '/somewhere/on/the/build/machine/crest.png',
      localServices: [
        {
          id: 'riverside-hub',
          name: 'Riverside Youth Hub',
          helpsWith: 'Talk to a youth worker: about anything # at all',
          audience: 'Young people in Riverside',
          ages: '11 to 18',
          url: 'https://example.org/hub',
          verifiedOn: '2026-11-20',
        },
      ],
    };
    const made = schoolYaml(schoolFormOf(profile))!;
    const read = check(made.text);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Only the logo's file name is kept: nothing of where the site was built.
    expect(read.data).toEqual({ ...profile, logo: 'crest.png' });
  });

  it('should make an id for a new service from its name, each its own', () => {
    const service = { name: 'Riverside Youth Hub', helpsWith: 'x', audience: 'y', ages: 'z', verifiedOn: '2026-11-20' };
    const made = schoolYaml({ fields: { name: 'R', dslContact: 'Room 1' }, services: [service, { ...service }, {}] })!;
    expect(check(made.text).data?.localServices?.map((s) => s.id)).toEqual([
      'riverside-youth-hub',
      'riverside-youth-hub-2',
    ]);
  });

  it('should say nothing when nothing is typed', () => {
    expect(schoolYaml({ fields: { name: '  ' }, services: [{ name: ' ' }] })).toBeUndefined();
  });

  it('should place each of the check’s problems at the input it came from', () => {
    const made = schoolYaml({
      fields: { name: 'Riverside', accentColour: 'blue' },
      services: [
        { name: 'Fine', helpsWith: 'a', audience: 'b', ages: 'c', verifiedOn: '2026-11-20' },
        { name: 'Hub', helpsWith: 'a', verifiedOn: '2026-13-40', url: 'javascript:alert(1)' },
      ],
    })!;
    const placed = check(made.text)
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => inputOfProblem(d, made))
      .sort();
    expect(placed).toEqual([
      'school-accentColour',
      'school-dslContact',
      'service-1-ages',
      'service-1-audience',
      'service-1-verifiedOn',
    ]);
  });
});
