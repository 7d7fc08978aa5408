CREATE OR REPLACE VIEW "public"."item_names" AS
SELECT id,
    name
   FROM public.items
  WHERE id > 0;
