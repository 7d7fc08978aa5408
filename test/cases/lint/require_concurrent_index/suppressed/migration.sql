SET lock_timeout = '5s';
-- pgform-lint allow require_concurrent_index: accounts holds 40 rows; the build takes milliseconds
CREATE INDEX accounts_email ON public.accounts (email);
CREATE INDEX accounts_name ON public.accounts (name);
