-- create schema reporting
CREATE SCHEMA reporting;

-- create table reporting.daily
CREATE TABLE reporting.daily (
  day date NOT NULL,
  total numeric(14,2) DEFAULT 0 NOT NULL,
  CONSTRAINT daily_pkey PRIMARY KEY (day)
);
