-- What definitions cannot declare is reported as a warning, never dropped silently.
CREATE TABLE public.slots (
  id integer PRIMARY KEY,
  code text NOT NULL,
  CONSTRAINT slots_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON CONSTRAINT slots_pkey ON public.slots IS 'Slot number';
CREATE TABLE public.prices (id integer PRIMARY KEY, "2024" numeric, current public.slots);
