CREATE TABLE public.slots (id integer PRIMARY KEY, position integer, CONSTRAINT slots_position_key UNIQUE (position) DEFERRABLE INITIALLY DEFERRED);
