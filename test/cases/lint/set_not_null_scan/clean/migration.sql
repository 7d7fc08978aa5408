SET lock_timeout = '5s';
ALTER TABLE public.accounts ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE public.accounts VALIDATE CONSTRAINT accounts_email_not_null;
ALTER TABLE public.accounts ALTER COLUMN email SET NOT NULL;
