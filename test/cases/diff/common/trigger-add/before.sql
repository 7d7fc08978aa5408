CREATE TABLE public.t (id int PRIMARY KEY, updated_at timestamptz);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN new.updated_at := now(); RETURN new; END $$;
