-- hazard WEAKENS_SECURITY: drops restrictive policy notes_not_archived on public.notes: the rows it kept from authenticated become reachable
DROP POLICY "notes_not_archived" ON "public"."notes";
