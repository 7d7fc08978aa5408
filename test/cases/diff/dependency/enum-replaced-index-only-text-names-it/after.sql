CREATE TYPE public.ticket_status AS ENUM ('open', 'pending', 'closed');
CREATE FUNCTION public.norm(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(value) $$;
CREATE TABLE public.tickets (
  id bigint PRIMARY KEY,
  requester text NOT NULL,
  note text,
  status public.ticket_status NOT NULL DEFAULT 'open'
);
CREATE INDEX tickets_open_idx ON public.tickets (id) WHERE status = 'open';
CREATE INDEX tickets_noted_idx ON public.tickets (id) WHERE note <> 'public.ticket_status';
CREATE INDEX tickets_requester_norm_idx ON public.tickets (public.norm(requester));
