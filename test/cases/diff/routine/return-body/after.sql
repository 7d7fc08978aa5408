CREATE TABLE public.items (id integer PRIMARY KEY, price integer NOT NULL);
CREATE FUNCTION public.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN a + b;
CREATE FUNCTION public.with_tax(p integer) RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE RETURN (p * 1.2)::numeric(10,2);
COMMENT ON FUNCTION public.add(integer, integer) IS 'adds';
