CREATE TABLE public.jobs (
  id bigint NOT NULL,
  queued_on date NOT NULL,
  payload text
);
