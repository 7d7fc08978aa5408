ALTER TABLE "public"."notes" SET ("fillfactor" = '75');

CREATE OR REPLACE VIEW "public"."my_notes" WITH (security_barrier = true, security_invoker = true) AS
SELECT notes.id,
    notes.owner
   FROM public.notes;

CREATE OR REPLACE VIEW "public"."open_notes" WITH (check_option = cascaded) AS
SELECT notes.id,
    notes.owner
   FROM public.notes
  WHERE notes.owner IS NOT NULL;
