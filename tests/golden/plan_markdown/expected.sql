<!-- schemac-plan -->
### schemac plan

**3 to create, 2 to alter, 1 to drop** in 3 steps.

| | change | hazards |
|---|---|---|
| + | `create table public."new\|table"` |  |
| - | `drop column public.accounts.legacy` | ⚠️ `deletes-data` |
| ~ | `alter column public.accounts.id: type bigint` | ⚠️ `rewrites-table`, `blocks-writes`, `blocks-reads` |
| ~ | `alter column public.accounts.email: set not null` | ⚠️ `blocks-writes`, `blocks-reads`, `may-fail` |
| + | ``add column public.accounts."a\|b`c"`` |  |
| + | `add unique accounts_email_key on public.accounts` | ⚠️ `blocks-writes`, `blocks-reads`, `may-fail` |

**Hazards**

- `deletes-data` (1 step): data is lost for good; `schemac apply` refuses it unless allowed (`--allow-destructive`)
- `rewrites-table` (1 step): the whole table is rewritten under an `ACCESS EXCLUSIVE` lock; on a large table that is an outage
- `blocks-writes` (2 steps): writes to the table wait until the step ends
- `blocks-reads` (2 steps): reads of the table wait too
- `may-fail` (2 steps): existing rows can make the step fail (the whole apply is then rolled back)

<details><summary>SQL (3 statements)</summary>

```sql
-- create table public."new|table"
CREATE TABLE public."new|table" (
  id integer NOT NULL,
  CONSTRAINT "new|table_pkey" PRIMARY KEY (id)
);

-- alter table public.accounts [deletes-data, rewrites-table, blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.accounts
  DROP COLUMN legacy,
  ALTER COLUMN id TYPE bigint USING id::bigint,
  ALTER COLUMN email SET NOT NULL,
  ADD COLUMN "a|b`c" text;

-- add unique accounts_email_key on public.accounts [blocks-writes, blocks-reads, may-fail]
ALTER TABLE public.accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
```

</details>
