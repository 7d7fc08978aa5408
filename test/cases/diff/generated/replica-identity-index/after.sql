CREATE TABLE public.parcels (id integer NOT NULL, region text NOT NULL, code text GENERATED ALWAYS AS (region || '-' || id) STORED NOT NULL);
CREATE UNIQUE INDEX parcels_code_key ON public.parcels (code);
ALTER TABLE public.parcels REPLICA IDENTITY USING INDEX parcels_code_key;
