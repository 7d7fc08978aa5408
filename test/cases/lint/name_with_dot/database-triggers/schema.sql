CREATE SCHEMA tenant;
CREATE TABLE public."tenant.lists" (id bigint PRIMARY KEY, title text);
CREATE TABLE tenant.lists (id bigint PRIMARY KEY, title text);
