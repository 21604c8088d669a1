-- create schema analytics
CREATE SCHEMA analytics;

-- create enum analytics.event_kind
CREATE TYPE analytics.event_kind AS ENUM ('view', 'click');

-- create table analytics.events
CREATE TABLE analytics.events (
  id bigint NOT NULL,
  kind analytics.event_kind NOT NULL,
  at timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (id)
);
