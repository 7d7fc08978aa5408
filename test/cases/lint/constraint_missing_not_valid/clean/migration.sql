SET lock_timeout = '5s';
ALTER TABLE public.accounts ADD CONSTRAINT accounts_org_fkey FOREIGN KEY (org_id) REFERENCES public.orgs (id) NOT VALID;
ALTER TABLE public.accounts VALIDATE CONSTRAINT accounts_org_fkey;
