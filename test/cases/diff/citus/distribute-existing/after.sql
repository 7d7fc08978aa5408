CREATE TABLE public.accounts (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.events (id bigint PRIMARY KEY, account_id integer NOT NULL, body text);
SELECT create_reference_table('public.accounts');
SELECT create_distributed_table('public.events', 'id', colocate_with => 'none');
