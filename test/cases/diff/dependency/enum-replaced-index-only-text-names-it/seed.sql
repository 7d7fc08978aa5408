INSERT INTO public.tickets VALUES (1, 'Ada', 'first', 'open'), (2, 'Ada', NULL, 'pending'), (3, 'Bob', 'late', 'closed');
