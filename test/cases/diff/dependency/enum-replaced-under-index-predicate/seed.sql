INSERT INTO public.tickets VALUES (1, 'ada', 'open'), (2, 'ada', 'pending'), (3, 'bob', 'closed');
