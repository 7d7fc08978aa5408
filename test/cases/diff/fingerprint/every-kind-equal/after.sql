-- Both sides hold the same objects of many kinds, managed or not: nothing to plan, nothing lost.
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN public.positive AS integer NOT NULL CHECK (VALUE > 0);
CREATE TYPE public.pair AS (a integer, b text);
CREATE TYPE public.float_range AS RANGE (subtype = float8);
CREATE COLLATION public.numeric_c (provider = libc, locale = 'C');
CREATE TABLE public.items (
  id integer PRIMARY KEY,
  mood public.mood,
  qty public.positive,
  label text COLLATE public.numeric_c,
  CONSTRAINT items_id_check CHECK (id > 0) NOT VALID
);
CREATE SEQUENCE public.counter START 10 INCREMENT 5;
CREATE VIEW public.item_moods AS SELECT id, mood FROM public.items;
CREATE STATISTICS public.items_stats ON mood, qty FROM public.items;
CREATE RULE items_no_delete AS ON DELETE TO public.items WHERE old.id < 0 DO INSTEAD NOTHING;
CREATE FUNCTION public.add_pair(p public.pair) RETURNS integer LANGUAGE sql IMMUTABLE RETURN p.a + length(p.b);
CREATE FUNCTION public.noop_event() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER noop_on_ddl ON ddl_command_end EXECUTE FUNCTION public.noop_event();
CREATE AGGREGATE public.total(integer) (sfunc = int4pl, stype = integer, initcond = '0');
CREATE OPERATOR public.<<~>> (leftarg = integer, rightarg = integer, function = int4pl);
CREATE PUBLICATION item_feed FOR TABLE public.items;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO anon;
CREATE TEXT SEARCH CONFIGURATION public.simple_copy (COPY = pg_catalog.simple);
COMMENT ON TYPE public.mood IS 'How it feels';
