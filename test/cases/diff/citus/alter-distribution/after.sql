CREATE TABLE public.accounts (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.orders (account_id integer NOT NULL, id integer NOT NULL, PRIMARY KEY (account_id, id));
CREATE TABLE public.events (id integer PRIMARY KEY, body text);
CREATE TABLE public.visits (id integer NOT NULL, account_id integer NOT NULL, PRIMARY KEY (id, account_id));
SELECT create_distributed_table('public.accounts', 'id', colocate_with => 'none', shard_count => 8);
SELECT create_distributed_table('public.orders', 'account_id', colocate_with => 'public.accounts');
SELECT create_distributed_table('public.events', 'id', colocate_with => 'public.accounts');
SELECT create_distributed_table('public.visits', 'account_id', colocate_with => 'none');
