import type { Signpost } from '../../src/lesson/types.ts';

/** A school's local help service, as a school.yaml lists it: for tests of profiles that add or drop one. */
export const riversideHub: Signpost = {
  id: 'riverside-hub',
  name: 'Riverside Youth Hub',
  helpsWith: 'Talk to a youth worker.',
  audience: 'Young people in Riverside',
  ages: '11 to 18',
  verifiedOn: '2026-11-20',
};
