INSERT INTO public.tickets (subject, status, history) VALUES ('a', 'open', '{draft,open}'), ('b', 'closed', NULL);
