-- hazard DELETES_DATA: drops publication orders_feed: its subscribers (Realtime, replicas) stop receiving changes
DROP PUBLICATION "orders_feed";

CREATE PUBLICATION "orders_feed" FOR ALL TABLES;
