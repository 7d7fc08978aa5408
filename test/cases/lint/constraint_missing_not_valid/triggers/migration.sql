-- public.accounts exists before this file runs.
ALTER TABLE public.accounts ADD CONSTRAINT accounts_org_fkey FOREIGN KEY (org_id) REFERENCES public.orgs (id);
