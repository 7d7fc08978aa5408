import { expect, it } from 'vitest';
import { objectId, parseObjectId, parseQualifiedName, routineId } from '../../src/model/id.js';
it('ids and printed names parse back into their parts', () => {
  for (const [s, n] of [['public', 'leads'], ['Odd Schema.v2', 'Weird "Name"'], ['a(b', 'c.d'], ['public', 'naïve_табл']]) {
    expect(parseObjectId(objectId(s!, n!))).toEqual({ schema: s, name: n });
    expect(parseObjectId(routineId(s!, n!, ['integer', 'text']))).toEqual({ schema: s, name: n });
  }
  expect(parseQualifiedName('public."kind""s"[]')).toEqual({ schema: 'public', name: 'kind"s' });
  expect(parseQualifiedName('text')).toBeUndefined();
  expect(parseQualifiedName('character varying(20)')).toBeUndefined();
});
