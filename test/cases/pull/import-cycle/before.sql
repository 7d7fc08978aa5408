-- Each schema's table uses the other schema's enum: importing both ways would be a module cycle,
-- so one direction names the type instead of importing its variable.
CREATE SCHEMA billing;
CREATE SCHEMA crm;
CREATE TYPE billing.currency AS ENUM ('EUR', 'USD');
CREATE TYPE crm.tier AS ENUM ('free', 'pro');
CREATE TABLE billing.plans (id integer PRIMARY KEY, tier crm.tier NOT NULL, currency billing.currency NOT NULL);
CREATE TABLE crm.accounts (id integer PRIMARY KEY, tier crm.tier NOT NULL, currency billing.currency NOT NULL DEFAULT 'EUR');
