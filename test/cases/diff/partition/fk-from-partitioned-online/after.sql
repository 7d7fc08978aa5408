CREATE TABLE public.customers (id bigint PRIMARY KEY);
CREATE TABLE public.orders (
  id bigint NOT NULL,
  region text NOT NULL,
  customer_id bigint
) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('de', 'fr') PARTITION BY LIST (region);
CREATE TABLE public.orders_eu_de PARTITION OF public.orders_eu FOR VALUES IN ('de');
CREATE TABLE public.orders_eu_fr PARTITION OF public.orders_eu FOR VALUES IN ('fr');
CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us');
CREATE TABLE public.orders_jp PARTITION OF public.orders FOR VALUES IN ('jp');
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id) ON DELETE CASCADE;
