-- A transform for integer in plpgsql (which ignores transforms): no extension ships one on
-- these servers, so its helpers borrow built-in C functions of the right signatures.
CREATE FUNCTION public.int4_from_sql(internal) RETURNS internal LANGUAGE internal STRICT IMMUTABLE AS 'gtsvector_compress';
CREATE FUNCTION public.int4_to_sql(internal) RETURNS integer LANGUAGE internal STRICT IMMUTABLE AS 'int4recv';
CREATE TRANSFORM FOR integer LANGUAGE plpgsql (FROM SQL WITH FUNCTION public.int4_from_sql(internal), TO SQL WITH FUNCTION public.int4_to_sql(internal));
