INSERT INTO public.events VALUES (1, '2025-01-10', 'alert'), (2, '2025-05-01', DEFAULT), (3, '2019-03-03', 'alert');
INSERT INTO public.event_notes VALUES (1, '2025-01-10', 'first'), (3, '2019-03-03', NULL);
