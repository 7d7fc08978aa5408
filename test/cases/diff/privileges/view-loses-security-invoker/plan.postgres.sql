CREATE OR REPLACE VIEW "public"."note_bodies" AS
SELECT notes.id,
    notes.body
   FROM public.notes;

-- hazard WEAKENS_SECURITY: view public.note_bodies loses security_invoker: it reads its tables with its owner's privileges, bypassing the caller's row level security
ALTER VIEW "public"."note_bodies" RESET (security_invoker);
