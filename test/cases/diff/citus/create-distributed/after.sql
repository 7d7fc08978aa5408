CREATE TABLE public.countries (code text PRIMARY KEY);
CREATE TABLE public.accounts (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.orders (account_id integer NOT NULL, id integer NOT NULL, country text, PRIMARY KEY (account_id, id));
SELECT create_reference_table('public.countries');
SELECT create_distributed_table('public.accounts', 'id', colocate_with => 'none', shard_count => 4);
SELECT create_distributed_table('public.orders', 'account_id', colocate_with => 'public.accounts');
ALTER TABLE public.orders ADD FOREIGN KEY (account_id) REFERENCES public.accounts (id);
ALTER TABLE public.orders ADD FOREIGN KEY (country) REFERENCES public.countries (code);
