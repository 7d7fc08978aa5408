INSERT INTO public.customers (name, kind) VALUES ('Ada', 'person'), ('Acme', 'company');
INSERT INTO public.orders (customer_id) SELECT id FROM public.customers;
