-- create schema analytics
CREATE SCHEMA analytics;

-- create table analytics.events
CREATE TABLE analytics.events (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  kind text NOT NULL,
  at timestamp with time zone NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (id)
);

-- create materialized view analytics."Event Kinds"
CREATE MATERIALIZED VIEW analytics."Event Kinds" AS select kind, count(*) as n from analytics.events group by kind;

-- create view analytics.recent_events
CREATE VIEW analytics.recent_events AS select id, kind from analytics.events where at > now() - interval '1 day';
