import { rpc, sql } from 'pgform';

/** Bodies that contain the dollar-quote tags pgform itself might pick. */
export const nested = rpc('nested_tags', {
  returns: 'text',
  language: 'plpgsql',
  body: sql`
DECLARE
  a text := $$two dollars$$;
  b text := $pgform$pgform's own tag$pgform$;
  c text := $pgform1$the next one$pgform1$;
  d text := $outer$ has $inner$ nested $inner$ tags $outer$;
BEGIN
  EXECUTE format($q$SELECT %L$q$, $lit$it's$lit$);
  RETURN a || b || c || d; -- ends in a comment with $$ and */
END;
`,
});

export const bareDollars = rpc('bare_dollars', {
  args: { price: 'numeric' },
  returns: 'text',
  language: 'sql',
  body: sql`SELECT '$' || price::text || ' $$ $pgform$'`,
});

export const commentMarks = rpc('comment_marks', {
  returns: 'integer',
  language: 'plpgsql',
  body: sql`
BEGIN
  /* outer /* nested */ still a comment $$ */
  RETURN 1;
END; -- trailing */`,
});
