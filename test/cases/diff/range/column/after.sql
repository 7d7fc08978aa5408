CREATE TYPE public.span AS RANGE (subtype = integer);
CREATE TABLE public.bookings (id int PRIMARY KEY, seats public.span NOT NULL DEFAULT '[1,2)', history public.span_multirange, past public.span[]);
CREATE INDEX bookings_seats ON public.bookings USING gist (seats);
