CREATE TABLE public.tickets (
  id bigint NOT NULL,
  opened_on date NOT NULL,
  title text
);
