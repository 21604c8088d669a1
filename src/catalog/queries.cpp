// catalog/queries: see queries.hpp. Every query restricts itself to the `scope`
// CTE and leaves out objects owned by an extension (pg_depend deptype 'e'), such
// as PostGIS's spatial_ref_sys, its types and the topology/tiger schemas.
#include "catalog/queries.hpp"

namespace schemac::catalog::queries {

// clang-format off
// (Kept as written: one SQL line per source line reads better than reflowed literals.)

// Macros rather than constants so they can be pasted into the literals below,
// keeping each query a single compile-time string.
#define SCHEMAC_SCOPE_CTE                                                                       \
  "WITH scope AS (\n"                                                                           \
  "  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n\n"                                  \
  "  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')\n"                 \
  "    AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'\n" \
  "    AND CASE WHEN cardinality($1::text[]) = 0\n"                                             \
  "        THEN NOT EXISTS (SELECT FROM pg_catalog.pg_depend d\n"                               \
  "                         WHERE d.classid = 'pg_catalog.pg_namespace'::regclass\n"            \
  "                           AND d.objid = n.oid AND d.deptype = 'e')\n"                       \
  "        ELSE n.nspname = ANY ($1::text[]) END\n"                                             \
  ")\n"

#define SCHEMAC_NOT_EXTENSION_MEMBER(catalog, oid)                             \
  "NOT EXISTS (SELECT FROM pg_catalog.pg_depend d\n"                           \
  "            WHERE d.classid = 'pg_catalog." catalog "'::regclass\n"         \
  "              AND d.objid = " oid " AND d.deptype = 'e')\n"

// SCHEMAC_DEFAULT_EXPR: a column's default (or generation expression) as
// pg_get_expr prints it. A plain default cannot reference a column, so it is
// printed without the table (relation 0): given a table, pg_get_expr opens it
// to name its columns, which on a fresh session builds the table's relation
// cache entry and takes a lock on it, the larger part of the columns query's
// server time at 10,000 tables. The text is the same either way; only a
// generation expression, which names columns, needs its table.
#define SCHEMAC_DEFAULT_EXPR(ad, attgenerated)                                           \
  "pg_catalog.pg_get_expr(" ad ".adbin, CASE WHEN " attgenerated " = ''\n"             \
  "                                         THEN 0 ELSE " ad ".adrelid END)"

// SCHEMAC_IS_SERIAL: sequence `seq` is what a serial column `attnum` of `rel`
// made: owned by the column (deptype 'a'; identity is 'i'), its default exactly
// nextval() of it (search_path is public, as for defaults), the name serial
// gives (<table>_<column>_seq), serial's options for the column's
// type and no comment. Such a sequence is part of the column, read
// as `serial`; any other is a sequence of its own. Pass "sd.objid" as seq to ask
// "is this column serial?".
#define SCHEMAC_IS_SERIAL(seq, rel, attnum)                                                  \
  "EXISTS (SELECT FROM pg_catalog.pg_depend sd\n"                                            \
  "        JOIN pg_catalog.pg_sequence ss ON ss.seqrelid = sd.objid\n"                       \
  "        JOIN pg_catalog.pg_attribute sa\n"                                                \
  "          ON sa.attrelid = sd.refobjid AND sa.attnum = sd.refobjsubid\n"                  \
  "        JOIN pg_catalog.pg_attrdef sad\n"                                                 \
  "          ON sad.adrelid = sd.refobjid AND sad.adnum = sd.refobjsubid\n"                  \
  "        WHERE sd.classid = 'pg_catalog.pg_class'::regclass AND sd.objid = " seq "\n"      \
  "          AND sd.refclassid = 'pg_catalog.pg_class'::regclass AND sd.refobjid = " rel "\n" \
  "          AND sd.refobjsubid = " attnum " AND sd.deptype = 'a' AND sa.attgenerated = ''\n" \
  "          AND sa.attnotnull\n"                                                            \
  "          AND (SELECT relname FROM pg_catalog.pg_class WHERE oid = sd.objid) =\n"         \
  "              (SELECT relname FROM pg_catalog.pg_class WHERE oid = sd.refobjid)\n"         \
  "              || '_' || sa.attname || '_seq'\n"                                           \
  "          AND " SCHEMAC_DEFAULT_EXPR("sad", "sa.attgenerated") " = 'nextval('\n"           \
  "              || pg_catalog.quote_literal(sd.objid::regclass::text) || '::regclass)'\n"   \
  "          AND ss.seqtypid = sa.atttypid AND ss.seqstart = 1 AND ss.seqincrement = 1\n"    \
  "          AND ss.seqmin = 1 AND ss.seqcache = 1 AND NOT ss.seqcycle\n"                    \
  "          AND ss.seqmax = CASE sa.atttypid WHEN 'pg_catalog.int2'::regtype THEN 32767\n"  \
  "                            WHEN 'pg_catalog.int4'::regtype THEN 2147483647\n"            \
  "                            ELSE 9223372036854775807 END\n"                               \
  "          AND pg_catalog.obj_description(sd.objid, 'pg_class') IS NULL)"

// SCHEMAC_DESCRIPTION: obj_description and col_description spelled out as an
// index lookup in pg_description: the same text, without a call of an SQL
// function per row (which was most of the time of kColumns on large catalogs).
#define SCHEMAC_DESCRIPTION(oid, catalog, subid)                                        \
  "(SELECT ds.description FROM pg_catalog.pg_description ds\n"                           \
  "  WHERE ds.objoid = " oid " AND ds.classoid = 'pg_catalog." catalog "'::regclass\n"  \
  "    AND ds.objsubid = " subid ")"

const std::string_view kExtensions =
    "SELECT e.extname, e.extversion, n.nspname,\n"
    "       ARRAY(SELECT r.extname FROM pg_catalog.pg_depend d\n"
    "             JOIN pg_catalog.pg_extension r ON r.oid = d.refobjid\n"
    "             WHERE d.classid = 'pg_catalog.pg_extension'::regclass AND d.objid = e.oid\n"
    "               AND d.refclassid = 'pg_catalog.pg_extension'::regclass\n"
    "             ORDER BY r.extname) AS requires\n"
    "FROM pg_catalog.pg_extension e\n"
    "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace\n"
    "WHERE e.extname <> 'plpgsql'\n"
    "ORDER BY e.extname";

const std::string_view kSchemas =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, " SCHEMAC_DESCRIPTION("s.oid", "pg_namespace", "0") " AS comment\n"
    "FROM scope s\n"
    "ORDER BY s.nspname";

const std::string_view kEnums =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, t.typname, e.enumlabel AS label,\n"
    "       " SCHEMAC_DESCRIPTION("t.oid", "pg_type", "0") " AS comment\n"
    "FROM pg_catalog.pg_type t\n"
    "JOIN scope s ON s.oid = t.typnamespace\n"
    "JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid\n"
    "WHERE t.typtype = 'e' AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_type", "t.oid")
    "ORDER BY s.nspname, t.typname, e.enumsortorder";

const std::string_view kTables =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, c.relname, " SCHEMAC_DESCRIPTION("c.oid", "pg_class", "0") " AS comment\n"
    "FROM pg_catalog.pg_class c\n"
    "JOIN scope s ON s.oid = c.relnamespace\n"
    "WHERE c.relkind IN ('r', 'p') AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "ORDER BY s.nspname, c.relname";

// The element type of an array column carries the name; atttypmod applies to the
// element, so format_type(element, atttypmod) gives its modifiers.
const std::string_view kColumns =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, c.relname, a.attname,\n"
    "       (t.typcategory = 'A' AND t.typelem <> 0) AS is_array,\n"
    "       et.typname AS type_name, etn.nspname AS type_schema,\n"
    "       pg_catalog.format_type(et.oid, NULL) AS type_format,\n"
    "       CASE WHEN a.atttypmod >= 0 THEN pg_catalog.format_type(et.oid, a.atttypmod) END\n"
    "         AS type_format_mod,\n"
    "       a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,\n"
    "       " SCHEMAC_DEFAULT_EXPR("ad", "a.attgenerated") " AS expr,\n"
    "       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,\n"
    "       " SCHEMAC_DESCRIPTION("c.oid", "pg_class", "a.attnum") " AS comment,\n"
    // Only an integer column with a default can be serial: the cheap test first,
    // so the catalog lookups (and pg_get_expr) run for those columns alone.
    "       CASE WHEN ad.adbin IS NOT NULL AND a.atttypid IN ('pg_catalog.int2'::regtype,\n"
    "                 'pg_catalog.int4'::regtype, 'pg_catalog.int8'::regtype)\n"
    "            THEN " SCHEMAC_IS_SERIAL("sd.objid", "c.oid", "a.attnum") " ELSE false END AS serial,\n"
    // Read only when the column is serial: the same cheap test first.
    "       CASE WHEN ad.adbin IS NOT NULL AND a.atttypid IN ('pg_catalog.int2'::regtype,\n"
    "                 'pg_catalog.int4'::regtype, 'pg_catalog.int8'::regtype)\n"
    "       THEN (SELECT sq.relname FROM pg_catalog.pg_depend sd\n"
    "        JOIN pg_catalog.pg_class sq ON sq.oid = sd.objid AND sq.relkind = 'S'\n"
    "        WHERE sd.classid = 'pg_catalog.pg_class'::regclass\n"
    "          AND sd.refclassid = 'pg_catalog.pg_class'::regclass AND sd.refobjid = c.oid\n"
    "          AND sd.refobjsubid = a.attnum AND sd.deptype = 'a' LIMIT 1) END AS serial_sequence\n"
    "FROM pg_catalog.pg_class c\n"
    "JOIN scope s ON s.oid = c.relnamespace\n"
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped\n"
    "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid\n"
    "JOIN pg_catalog.pg_type et\n"
    "  ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END\n"
    "JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace\n"
    "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum\n"
    "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation\n"
    "WHERE c.relkind IN ('r', 'p') AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "ORDER BY s.nspname, c.relname, a.attnum";

// Constraints inherited by partitions (conparentid <> 0) belong to the parent.
const std::string_view kConstraints =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, c.relname, con.conname, con.contype,\n"
    // Each key column's name by its own index lookup: cheaper than joining
    // every column of the table to the key (a third of this query's time).
    "       ARRAY(SELECT (SELECT a.attname FROM pg_catalog.pg_attribute a\n"
    "                     WHERE a.attrelid = con.conrelid AND a.attnum = k.attnum)\n"
    "             FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord) ORDER BY k.ord) AS columns,\n"
    "       fn.nspname AS ref_schema, fc.relname AS ref_table,\n"
    // Only a foreign key has referenced columns (NULL reads as none).
    "       CASE WHEN con.contype = 'f'\n"
    "       THEN ARRAY(SELECT (SELECT a.attname FROM pg_catalog.pg_attribute a\n"
    "                          WHERE a.attrelid = con.confrelid AND a.attnum = k.attnum)\n"
    "                  FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord) ORDER BY k.ord)\n"
    "       END AS ref_columns,\n"
    "       con.confdeltype AS on_delete, con.confupdtype AS on_update,\n"
    "       con.condeferrable AS deferrable, con.condeferred AS deferred,\n"
    "       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END\n"
    "         AS expr,\n"
    "       con.connoinherit AS no_inherit, con.convalidated AS is_valid,\n"
    "       coalesce(ci.indnullsnotdistinct, false) AS nulls_not_distinct,\n"
    "       " SCHEMAC_DESCRIPTION("con.oid", "pg_constraint", "0") " AS comment\n"
    "FROM pg_catalog.pg_constraint con\n"
    "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid\n"
    "JOIN scope s ON s.oid = c.relnamespace\n"
    "LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid\n"
    "LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace\n"
    "LEFT JOIN pg_catalog.pg_index ci ON ci.indexrelid = con.conindid AND con.contype = 'u'\n"
    "WHERE con.contype IN ('p', 'u', 'c', 'f') AND con.conparentid = 0\n"
    "  AND c.relkind IN ('r', 'p') AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "ORDER BY s.nspname, c.relname, con.conname";

// indclass and indoption cover key columns only; INCLUDE columns (ord > indnkeyatts)
// get NULL there. An opclass is reported only when it is not the default one.
const std::string_view kIndexes =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, c.relname, ic.relname AS index_name, am.amname AS method,\n"
    "       i.indisunique AS is_unique, i.indisvalid AS is_valid,\n"
    "       (k.ord > i.indnkeyatts) AS is_include,\n"
    "       a.attname AS column_name,\n"
    "       CASE WHEN k.attnum = 0\n"
    "            THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) END AS expr,\n"
    "       CASE WHEN NOT opc.opcdefault THEN opc.opcname END AS opclass,\n"
    "       (i.indoption[k.ord - 1] & 1) <> 0 AS descending,\n"
    "       (i.indoption[k.ord - 1] & 2) <> 0 AS nulls_first,\n"
    "       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,\n"
    "       " SCHEMAC_DESCRIPTION("ic.oid", "pg_class", "0") " AS comment\n"
    "FROM pg_catalog.pg_index i\n"
    "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid\n"
    "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid\n"
    "JOIN scope s ON s.oid = c.relnamespace\n"
    "JOIN pg_catalog.pg_am am ON am.oid = ic.relam\n"
    "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)\n"
    "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum\n"
    "LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.ord - 1]\n"
    "WHERE c.relkind IN ('r', 'p') AND NOT ic.relispartition\n"
    "  AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint con\n"
    "                  WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))\n"
    "ORDER BY s.nspname, c.relname, ic.relname, k.ord";

// Views and materialized views, read under the inspector's search_path (public):
// pg_get_viewdef qualifies what is not on it. The relations and columns a view
// reads are the pg_depend rows of its _RETURN rule (pg_rewrite.ev_class); three
// arrays in one order, dep_column '' for a whole-relation dependency.
#define SCHEMAC_VIEW_COLUMNS(expr)                                                      \
  "ARRAY(SELECT " expr " FROM pg_catalog.pg_attribute a\n"                              \
  "      WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped\n"            \
  "      ORDER BY a.attnum)"
// A column's type with its typmod, and its collation when not the type's own:
// CREATE OR REPLACE VIEW must keep all three.
#define SCHEMAC_VIEW_COLUMN_TYPE                                                       \
  "pg_catalog.format_type(a.atttypid, a.atttypmod) ||\n"                               \
  "        CASE WHEN a.attcollation <> (SELECT t.typcollation FROM pg_catalog.pg_type t\n" \
  "                                     WHERE t.oid = a.atttypid)\n"                   \
  "             THEN ' collate ' || a.attcollation::pg_catalog.regcollation::text\n"   \
  "             ELSE '' END"
#define SCHEMAC_VIEW_DEPS(expr)                                                         \
  "ARRAY(SELECT " expr " FROM pg_catalog.pg_rewrite r\n"                                \
  "      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass\n" \
  "        AND d.objid = r.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass\n"    \
  "      JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid\n"                          \
  "      JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace\n"                 \
  "      LEFT JOIN pg_catalog.pg_attribute ra\n"                                         \
  "        ON ra.attrelid = d.refobjid AND ra.attnum = d.refobjsubid AND d.refobjsubid > 0\n" \
  "      WHERE r.ev_class = c.oid AND d.refobjid <> c.oid\n"                            \
  "      ORDER BY rn.nspname, rc.relname, d.refobjsubid)"

const std::string_view kViews =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, c.relname, (c.relkind = 'm') AS materialized,\n"
    "       pg_catalog.pg_get_viewdef(c.oid) AS body,\n"
    "       " SCHEMAC_DESCRIPTION("c.oid", "pg_class", "0") " AS comment,\n"
    "       " SCHEMAC_VIEW_COLUMNS("a.attname") " AS column_names,\n"
    "       " SCHEMAC_VIEW_COLUMNS(SCHEMAC_VIEW_COLUMN_TYPE) " AS column_types,\n"
    "       " SCHEMAC_VIEW_DEPS("rn.nspname") " AS dep_schemas,\n"
    "       " SCHEMAC_VIEW_DEPS("rc.relname") " AS dep_names,\n"
    "       " SCHEMAC_VIEW_DEPS("coalesce(ra.attname, '')") " AS dep_columns\n"
    "FROM pg_catalog.pg_class c\n"
    "JOIN scope s ON s.oid = c.relnamespace\n"
    "WHERE c.relkind IN ('v', 'm') AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "ORDER BY s.nspname, c.relname";

// Qualified names print through quote_ident so that what `inspect` lists can
// be found again; relkind 'p' is read as a table, its partitioning is not.
const std::string_view kUnmanaged =
    SCHEMAC_SCOPE_CTE
    "SELECT kind, object FROM (\n"
    "  SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'\n"
    "              ELSE 'function' END AS kind,\n"
    "         pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(p.proname)\n"
    "           || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS object\n"
    "  FROM pg_catalog.pg_proc p JOIN scope s ON s.oid = p.pronamespace\n"
    "  WHERE " SCHEMAC_NOT_EXTENSION_MEMBER("pg_proc", "p.oid")
    "  UNION ALL\n"
    "  SELECT 'trigger', pg_catalog.quote_ident(t.tgname) || ' on '\n"
    "           || pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "  FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid\n"
    "  JOIN scope s ON s.oid = c.relnamespace\n"
    "  WHERE NOT t.tgisinternal AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "  UNION ALL\n"
    "  SELECT 'policy', pg_catalog.quote_ident(pol.polname) || ' on '\n"
    "           || pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "  FROM pg_catalog.pg_policy pol JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid\n"
    "  JOIN scope s ON s.oid = c.relnamespace\n"
    "  UNION ALL\n"
    "  SELECT 'rule', pg_catalog.quote_ident(r.rulename) || ' on '\n"
    "           || pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "  FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class\n"
    "  JOIN scope s ON s.oid = c.relnamespace\n"
    "  WHERE r.rulename <> '_RETURN' AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "  UNION ALL\n"
    "  SELECT CASE c.relkind WHEN 'f' THEN 'foreign table'\n"
    "              WHEN 'p' THEN 'partitioned table (its partitioning)'\n"
    "              WHEN 'c' THEN 'composite type' END\n"
    "           || CASE WHEN c.relkind IN ('r', 'p') AND c.relispartition THEN ' (a partition)'\n"
    "                   ELSE '' END,\n"
    "         pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "  FROM pg_catalog.pg_class c JOIN scope s ON s.oid = c.relnamespace\n"
    "  WHERE c.relkind IN ('f', 'p', 'c') AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    // A composite type's extension membership is recorded on its pg_type row.
    "    AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_type", "c.reltype")
    "  UNION ALL\n"
    "  SELECT CASE WHEN c.relpersistence = 'u' THEN 'unlogged table' ELSE 'row-level security on' END,\n"
    "         pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "  FROM pg_catalog.pg_class c JOIN scope s ON s.oid = c.relnamespace\n"
    "  WHERE c.relkind IN ('r', 'p') AND (c.relpersistence = 'u' OR c.relrowsecurity)\n"
    "    AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "  UNION ALL\n"
    "  SELECT 'range type',\n"
    "         pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(t.typname)\n"
    "  FROM pg_catalog.pg_type t JOIN scope s ON s.oid = t.typnamespace\n"
    "  WHERE t.typtype = 'r' AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_type", "t.oid")
    "  UNION ALL\n"
    "  SELECT 'exclusion constraint', pg_catalog.quote_ident(con.conname) || ' on '\n"
    "           || pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "  FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid\n"
    "  JOIN scope s ON s.oid = c.relnamespace\n"
    "  WHERE con.contype = 'x' AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    // Privileges and owners are not modelled: a relation whose ACL is not the
    // owner's default (table or column grants), or whose owner is not the
    // database's owner, would otherwise lose them silently.
    "  UNION ALL\n"
    "  SELECT 'privileges granted on',\n"
    "         pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "  FROM pg_catalog.pg_class c JOIN scope s ON s.oid = c.relnamespace\n"
    "  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')\n"
    "    AND ((c.relacl IS NOT NULL AND c.relacl::text[] <> pg_catalog.acldefault(\n"
    "           CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner)::text[])\n"
    "         OR EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid\n"
    "                    AND a.attnum > 0 AND cardinality(a.attacl) > 0))\n"
    "    AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "  UNION ALL\n"
    "  SELECT 'owner of',\n"
    "         pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "           || ': ' || pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(c.relowner))\n"
    "           || ' (not the database owner)'\n"
    "  FROM pg_catalog.pg_class c JOIN scope s ON s.oid = c.relnamespace\n"
    "  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')\n"
    "    AND c.relowner <> (SELECT d.datdba FROM pg_catalog.pg_database d\n"
    "                       WHERE d.datname = pg_catalog.current_database())\n"
    "    AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    // Details of modelled objects that the IR has no place for.
    "  UNION ALL\n"
    "  SELECT CASE WHEN con.contype IN ('p', 'u') AND con.condeferrable\n"
    "                THEN 'deferrable ' || CASE con.contype WHEN 'p' THEN 'primary key'\n"
    "                                      ELSE 'unique constraint' END\n"
    "              WHEN con.contype = 'f' AND con.confmatchtype = 'f' THEN 'MATCH FULL foreign key'\n"
    "              ELSE 'the comment on constraint' END,\n"
    "         pg_catalog.quote_ident(con.conname) || ' on '\n"
    "           || pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "  FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid\n"
    "  JOIN scope s ON s.oid = c.relnamespace\n"
    "  WHERE ((con.contype IN ('p', 'u') AND con.condeferrable)\n"
    "         OR (con.contype = 'f' AND con.confmatchtype = 'f')\n"
    // Other constraints' comments are modelled (and inspect notes them itself).
    "         OR (con.contype = 'p' AND pg_catalog.obj_description(con.oid, 'pg_constraint')\n"
    "                                   IS NOT NULL))\n"
    "    AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "  UNION ALL\n"
    "  SELECT CASE WHEN t.relkind = 'm' THEN 'index on a materialized view'\n"
    "              WHEN i.reloptions IS NOT NULL THEN 'storage parameters of index'\n"
    "              WHEN x.indnullsnotdistinct THEN 'NULLS NOT DISTINCT of index'\n"
    "              ELSE 'a column collation of index' END,\n"
    "         pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(i.relname)\n"
    "  FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid\n"
    "  JOIN pg_catalog.pg_class t ON t.oid = x.indrelid\n"
    "  JOIN scope s ON s.oid = i.relnamespace\n"
    "  WHERE (t.relkind = 'm' OR i.reloptions IS NOT NULL OR x.indnullsnotdistinct\n"
    // A key column without a collation (0) is of a type that has none: it
    // cannot differ, and skipping it spares the lookup for most indexes.
    "         OR EXISTS (SELECT FROM unnest(x.indcollation::oid[], x.indkey::int2[]) k(coll, attnum)\n"
    "                    WHERE k.attnum > 0 AND k.coll <> 0\n"
    "                      AND k.coll <> (SELECT a.attcollation FROM pg_catalog.pg_attribute a\n"
    "                                     WHERE a.attrelid = x.indrelid AND a.attnum = k.attnum)))\n"
    "    AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "t.oid")
    "  UNION ALL\n"
    "  SELECT 'identity options (start, increment, bounds, cache, cycle) of column',\n"
    "         pg_catalog.quote_ident(s.nspname) || '.' || pg_catalog.quote_ident(c.relname)\n"
    "           || '.' || pg_catalog.quote_ident(a.attname)\n"
    "  FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"
    "  JOIN scope s ON s.oid = c.relnamespace\n"
    "  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass\n"
    "   AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = c.oid\n"
    "   AND d.refobjsubid = a.attnum AND d.deptype = 'i'\n"
    "  JOIN pg_catalog.pg_sequence q ON q.seqrelid = d.objid\n"
    "  WHERE a.attidentity <> '' AND a.attnum > 0 AND NOT a.attisdropped\n"
    "    AND (q.seqstart <> 1 OR q.seqincrement <> 1 OR q.seqmin <> 1 OR q.seqcache <> 1\n"
    "         OR q.seqcycle OR q.seqmax <> CASE q.seqtypid WHEN 'int2'::regtype THEN 32767\n"
    "                                     WHEN 'int4'::regtype THEN 2147483647\n"
    "                                     ELSE 9223372036854775807 END)\n"
    "    AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    ") u\n"
    "ORDER BY kind, object";

// The scratch views canonicalize_views creates in this session's temp schema.
const std::string_view kScratchViews =
    "SELECT c.relname, pg_catalog.pg_get_viewdef(c.oid) AS body,\n"
    "       " SCHEMAC_VIEW_COLUMNS("a.attname") " AS column_names,\n"
    "       " SCHEMAC_VIEW_COLUMNS(SCHEMAC_VIEW_COLUMN_TYPE) " AS column_types,\n"
    "       " SCHEMAC_VIEW_DEPS("rn.nspname") " AS dep_schemas,\n"
    "       " SCHEMAC_VIEW_DEPS("rc.relname") " AS dep_names,\n"
    "       " SCHEMAC_VIEW_DEPS("coalesce(ra.attname, '')") " AS dep_columns\n"
    "FROM pg_catalog.pg_class c\n"
    "WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind = 'v'\n"
    "ORDER BY c.relname";

// The expressions canonicalize_expressions creates on its temporary tables,
// printed by the same functions and arguments as kColumns, kConstraints and
// kIndexes use.
const std::string_view kScratchExpressions =
    "SELECT c.relname, 'default' AS kind, a.attname AS name, 0 AS ord,\n"
    "       " SCHEMAC_DEFAULT_EXPR("ad", "a.attgenerated") " AS expr\n"
    "FROM pg_catalog.pg_attrdef ad\n"
    "JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid\n"
    "JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum\n"
    "WHERE c.relnamespace = pg_catalog.pg_my_temp_schema()\n"
    "UNION ALL\n"
    "SELECT c.relname, 'check', con.conname, 0, pg_catalog.pg_get_expr(con.conbin, con.conrelid)\n"
    "FROM pg_catalog.pg_constraint con\n"
    "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid\n"
    "WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND con.contype = 'c'\n"
    "UNION ALL\n"
    "SELECT c.relname, 'index', ic.relname, k.ord::int,\n"
    "       pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true)\n"
    "FROM pg_catalog.pg_index i\n"
    "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid\n"
    "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid\n"
    "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)\n"
    "WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND k.attnum = 0\n"
    "UNION ALL\n"
    "SELECT c.relname, 'where', ic.relname, 0, pg_catalog.pg_get_expr(i.indpred, i.indrelid)\n"
    "FROM pg_catalog.pg_index i\n"
    "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid\n"
    "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid\n"
    "WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND i.indpred IS NOT NULL\n"
    "UNION ALL\n"
    "SELECT '', 'refused', '', 0, pg_catalog.current_setting('schemac.refused', true)";

#undef SCHEMAC_VIEW_DEPS
#undef SCHEMAC_VIEW_COLUMNS
#undef SCHEMAC_VIEW_COLUMN_TYPE
// Sequences: an identity column's sequence (deptype 'i') belongs to its column;
// every other one is standalone, with the column it is OWNED BY (deptype 'a').
const std::string_view kSequences =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, c.relname, pg_catalog.format_type(sq.seqtypid, NULL) AS data_type,\n"
    "       sq.seqstart AS start, sq.seqincrement AS increment, sq.seqmin AS min_value,\n"
    "       sq.seqmax AS max_value, sq.seqcache AS cache, sq.seqcycle AS cycle,\n"
    "       oc.relname AS owner_table, oa.attname AS owner_column,\n"
    "       " SCHEMAC_DESCRIPTION("c.oid", "pg_class", "0") " AS comment\n"
    "FROM pg_catalog.pg_sequence sq\n"
    "JOIN pg_catalog.pg_class c ON c.oid = sq.seqrelid\n"
    "JOIN scope s ON s.oid = c.relnamespace\n"
    "LEFT JOIN pg_catalog.pg_depend d\n"
    "  ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid\n"
    "  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjsubid > 0\n"
    "  AND d.deptype IN ('a', 'i')\n"
    "LEFT JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid\n"
    "LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid\n"
    "WHERE c.relkind = 'S' AND d.deptype IS DISTINCT FROM 'i'\n"
    "  AND NOT COALESCE(d.deptype = 'a' AND " SCHEMAC_IS_SERIAL("c.oid", "d.refobjid", "d.refobjsubid") ", false)\n"
    "  AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "ORDER BY s.nspname, c.relname";

// Domains: the base type is read like a column's type (element type of an
// array; typtypmod for its modifiers). Expressions print VALUE for the value.
const std::string_view kDomains =
    SCHEMAC_SCOPE_CTE
    "SELECT s.nspname, t.typname,\n"
    "       (bt.typcategory = 'A' AND bt.typelem <> 0) AS is_array,\n"
    "       et.typname AS type_name, etn.nspname AS type_schema,\n"
    "       pg_catalog.format_type(et.oid, NULL) AS type_format,\n"
    "       CASE WHEN t.typtypmod >= 0 THEN pg_catalog.format_type(et.oid, t.typtypmod) END\n"
    "         AS type_format_mod,\n"
    "       t.typnotnull AS not_null,\n"
    "       pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expr,\n"
    "       CASE WHEN t.typcollation <> bt.typcollation THEN co.collname END AS collation,\n"
    "       " SCHEMAC_DESCRIPTION("t.oid", "pg_type", "0") " AS comment,\n"
    "       con.conname, pg_catalog.pg_get_expr(con.conbin, 0) AS check_expr\n"
    "FROM pg_catalog.pg_type t\n"
    "JOIN scope s ON s.oid = t.typnamespace\n"
    "JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype\n"
    "JOIN pg_catalog.pg_type et\n"
    "  ON et.oid = CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 THEN bt.typelem ELSE bt.oid END\n"
    "JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace\n"
    "LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation\n"
    "LEFT JOIN pg_catalog.pg_constraint con ON con.contypid = t.oid AND con.contype = 'c'\n"
    "WHERE t.typtype = 'd' AND " SCHEMAC_NOT_EXTENSION_MEMBER("pg_type", "t.oid")
    "ORDER BY s.nspname, t.typname, con.conname";

#undef SCHEMAC_IS_SERIAL
#undef SCHEMAC_DEFAULT_EXPR
#undef SCHEMAC_NOT_EXTENSION_MEMBER
#undef SCHEMAC_SCOPE_CTE

// clang-format on

}  // namespace schemac::catalog::queries
