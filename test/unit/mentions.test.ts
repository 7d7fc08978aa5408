import { expect, it } from 'vitest';
import { mentions, mentionsName, mentionsQualified } from '../../src/plan/mentions.js';

const candidates = [
  { id: 'public.status', schema: 'public', name: 'status' },
  { id: 'app."Kind"', schema: 'app', name: 'Kind' },
  { id: 'public.a-b', schema: 'public', name: 'a-b' },
];

it('a name counts bare or schema-qualified, quoted or not, never inside another word', () => {
  expect(mentions('SELECT status FROM t', candidates)).toEqual(['public.status']);
  expect(mentions(`'x'::"app" . "Kind"`, candidates)).toEqual(['app."Kind"']);
  expect(mentions('select "a-b".x, statuses', candidates)).toEqual(['public.a-b']);
  expect(mentions('status_id', candidates)).toEqual([]);
});

it('the qualified form counts only schema-qualified names, as a printed cast names a type', () => {
  expect(mentionsQualified('(status)', candidates)).toEqual([]);
  expect(mentionsQualified(`(status = 'b'::public.status)`, candidates)).toEqual(['public.status']);
  expect(mentionsQualified(`x::"app"."Kind", y::public."a-b"`, candidates)).toEqual(['app."Kind"', 'public.a-b']);
  expect(mentionsQualified('other.status', candidates)).toEqual([]);
  // Both forms of one name keep their own compiled pattern: asking one first never answers for the other.
  expect(mentions('(status)', candidates)).toEqual(['public.status']);
});

it('an identifier counts bare or quoted', () => {
  expect(mentionsName('owner_id = auth.uid()', 'owner_id')).toBe(true);
  expect(mentionsName('"Owner" = 1', 'Owner')).toBe(true);
  expect(mentionsName('owner_ids = 1', 'owner_id')).toBe(false);
});
