CREATE TABLE public.t (id int PRIMARY KEY, first text, last text, full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED);
