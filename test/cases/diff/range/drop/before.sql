CREATE TYPE public.span AS RANGE (subtype = integer, multirange_type_name = public.spans);
CREATE TABLE public.readings (id int PRIMARY KEY);
