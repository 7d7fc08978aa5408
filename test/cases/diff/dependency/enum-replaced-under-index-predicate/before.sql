CREATE TYPE public.ticket_status AS ENUM ('open', 'pending', 'closed', 'archived');
CREATE TABLE public.tickets (
  id bigint PRIMARY KEY,
  requester text NOT NULL,
  status public.ticket_status NOT NULL DEFAULT 'open'
);
CREATE INDEX tickets_open_idx ON public.tickets (id) WHERE status = 'open';
CREATE UNIQUE INDEX tickets_one_pending_idx ON public.tickets (requester) WHERE status = 'pending';
CREATE INDEX tickets_is_closed_idx ON public.tickets ((status = 'closed'));
CREATE INDEX tickets_status_idx ON public.tickets (status);
