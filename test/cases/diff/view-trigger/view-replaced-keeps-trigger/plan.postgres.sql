CREATE OR REPLACE VIEW "public"."item_names" AS
SELECT items.id,
    items.name
   FROM public.items
  WHERE items.id > 0;
