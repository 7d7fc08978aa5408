CREATE TYPE public.span AS RANGE (subtype = numeric);
CREATE TABLE public.bookings (id int PRIMARY KEY, seats public.span);
