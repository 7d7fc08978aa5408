INSERT INTO public.events VALUES (1, '2024-05-01', 'click'), (2, '2025-02-01', 'view'), (3, '2025-03-01', 'click');
INSERT INTO public.audit_archive VALUES (1, 'view', '2024-01-01');
