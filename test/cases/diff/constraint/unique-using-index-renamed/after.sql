CREATE TABLE public.items (id integer NOT NULL, code text);
CREATE UNIQUE INDEX items_code_idx ON public.items (code);
ALTER TABLE public.items ADD CONSTRAINT items_code_key UNIQUE USING INDEX items_code_idx;
