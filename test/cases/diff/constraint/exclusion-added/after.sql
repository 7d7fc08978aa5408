CREATE TABLE public.bookings (id integer PRIMARY KEY, during tsrange, CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&) DEFERRABLE INITIALLY DEFERRED);
