CREATE TABLE public.scratch (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tmp text);
ALTER TABLE public.scratch DROP COLUMN tmp;
