CREATE TYPE public.span AS RANGE (subtype = integer);
CREATE TABLE public.bookings (id int PRIMARY KEY, seats public.span);
