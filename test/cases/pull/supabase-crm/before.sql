-- A small Supabase project as its team built it in the SQL editor: the database pgform adopts.
CREATE SCHEMA crm;
COMMENT ON SCHEMA crm IS 'Sales pipeline';
GRANT USAGE ON SCHEMA crm TO authenticated;

CREATE TYPE public.lead_status AS ENUM ('new', 'contacted', 'qualified', 'lost');
CREATE TYPE crm.deal_stage AS ENUM ('open', 'won', 'lost');

CREATE FUNCTION public.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
COMMENT ON FUNCTION public.set_updated_at() IS 'Keeps updated_at current';

CREATE TABLE public.profiles (
  id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
  full_name text NOT NULL,
  avatar_url text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE public.profiles IS 'One row per signed-up user';
COMMENT ON COLUMN public.profiles.id IS 'Same id as auth.users';

CREATE TABLE public.leads (
  id bigint GENERATED ALWAYS AS IDENTITY,
  owner_id uuid NOT NULL,
  email text NOT NULL,
  status public.lead_status NOT NULL DEFAULT 'new',
  score integer NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT leads_id_primary PRIMARY KEY (id),
  CONSTRAINT leads_owner FOREIGN KEY (owner_id) REFERENCES public.profiles (id) ON DELETE CASCADE,
  UNIQUE (owner_id, email)
);
COMMENT ON COLUMN public.leads.score IS 'Lead score, 0-100';
CREATE INDEX idx_leads_owner_id ON public.leads (owner_id);
CREATE INDEX leads_recent ON public.leads (created_at DESC) WHERE status <> 'lost';
CREATE TRIGGER leads_updated_at BEFORE UPDATE ON public.leads FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
ALTER TABLE public.leads ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Owners manage their leads" ON public.leads FOR ALL TO authenticated
  USING (owner_id = auth.uid()) WITH CHECK (owner_id = auth.uid());
GRANT SELECT, INSERT, UPDATE, DELETE ON public.leads TO authenticated;

CREATE TABLE crm.deals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lead_id bigint NOT NULL REFERENCES public.leads (id),
  stage crm.deal_stage NOT NULL DEFAULT 'open',
  amount numeric(12,2),
  note text DEFAULT 'first `call` costs ${0}'
);
ALTER TABLE crm.deals ENABLE ROW LEVEL SECURITY;

CREATE VIEW crm.open_deals WITH (security_invoker = true) AS
  SELECT d.id, d.amount, l.email FROM crm.deals d JOIN public.leads l ON l.id = d.lead_id WHERE d.stage = 'open';
COMMENT ON VIEW crm.open_deals IS 'Deals still in play';

CREATE FUNCTION crm.pipeline_value(p_stage crm.deal_stage DEFAULT 'open') RETURNS numeric
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
  SELECT coalesce(sum(amount), 0) FROM crm.deals WHERE stage = p_stage
$$;
REVOKE EXECUTE ON FUNCTION crm.pipeline_value(crm.deal_stage) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm.pipeline_value(crm.deal_stage) TO authenticated;
