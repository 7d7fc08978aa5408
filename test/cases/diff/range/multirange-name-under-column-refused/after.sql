CREATE TYPE public.span AS RANGE (subtype = integer, multirange_type_name = public.spans);
CREATE TABLE public.bookings (id int PRIMARY KEY, nights public.spans);
