CREATE TABLE public.events (
  id bigint NOT NULL,
  happened_on date NOT NULL,
  kind text
);
CREATE TABLE public.events_2024 (
  id bigint NOT NULL,
  happened_on date NOT NULL,
  kind text
);
