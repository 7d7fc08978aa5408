INSERT INTO public.tickets VALUES (1, '2025-03-01', 'fits'), (2, '2019-12-31', 'fits no partition');
