CREATE TABLE public.parcels (id integer NOT NULL, region text NOT NULL, code text NOT NULL);
CREATE UNIQUE INDEX parcels_code_key ON public.parcels (code);
ALTER TABLE public.parcels REPLICA IDENTITY USING INDEX parcels_code_key;
