CREATE TABLE public.bookings (id integer PRIMARY KEY, during tsrange);
