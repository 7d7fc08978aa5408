CREATE DOMAIN public.amount AS integer CONSTRAINT amount_positive CHECK (VALUE > 0);
CREATE TABLE public.payments (id integer PRIMARY KEY, value public.amount NOT NULL DEFAULT 1);
CREATE INDEX payments_value_idx ON public.payments (value);
CREATE VIEW public.large_payments AS SELECT id, value FROM public.payments WHERE value > 100;
CREATE FUNCTION public.doubled(a public.amount) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT (a * 2)::bigint $$;
