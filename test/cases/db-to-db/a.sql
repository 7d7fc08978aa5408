CREATE TYPE public.status AS ENUM ('open', 'closed', 'archived');
CREATE TABLE public.customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE public.tickets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES public.customers (id) ON DELETE CASCADE,
  status public.status NOT NULL DEFAULT 'open',
  subject text NOT NULL,
  priority integer NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5)
);
CREATE INDEX tickets_customer ON public.tickets (customer_id);
CREATE TABLE public.legacy (id int PRIMARY KEY, payload text);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
CREATE FUNCTION public.open_count(c uuid) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM public.tickets WHERE customer_id = c AND status = 'open' $$;
CREATE TRIGGER tickets_touch BEFORE UPDATE ON public.tickets FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE VIEW public.open_tickets AS SELECT id, customer_id, subject FROM public.tickets WHERE status = 'open';
CREATE VIEW public.open_ticket_customers AS SELECT DISTINCT c.id, c.name FROM public.customers c JOIN public.open_tickets t ON t.customer_id = c.id;
ALTER TABLE public.tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY "read own" ON public.tickets FOR SELECT TO authenticated USING (customer_id = auth.uid());
COMMENT ON TABLE public.customers IS 'People who open tickets';
