// catalog/queries: the SQL text of every catalog query inspect sends, one per
// object kind, so that the number of queries never depends on the number of
// objects. Each but kExtensions takes one parameter, $1::text[]: the schemas to
// read (empty = every schema that is neither a system nor an extension-owned one).
#pragma once

#include <string_view>

namespace schemac::catalog::queries {

/// kExtensions: extname, extversion, nspname (plpgsql, present in every database, left out).
extern const std::string_view kExtensions;
/// kSchemas: nspname, comment.
extern const std::string_view kSchemas;
/// kEnums: one row per value: nspname, typname, label, comment, in enumsortorder order.
extern const std::string_view kEnums;
/// kTables: nspname, relname, comment (ordinary and partitioned tables only).
extern const std::string_view kTables;
/// kColumns: one row per live column, attnum order, with its type parts.
extern const std::string_view kColumns;
/// kConstraints: primary key, unique, check and foreign-key constraints.
extern const std::string_view kConstraints;
/// kIndexes: one row per index key or INCLUDE column of indexes not backing a constraint.
extern const std::string_view kIndexes;
/// kSequences: one row per sequence that is not an identity column's: its options,
/// its OWNED BY column (deptype 'a', as serial and `owned by` leave it) and comment.
extern const std::string_view kSequences;
/// kDomains: one row per domain check constraint (one row with NULL conname for a
/// domain without checks): base type parts, NOT NULL, default, collation, comment.
extern const std::string_view kDomains;

/// kViews: views and materialized views: nspname, relname, materialized, body
/// (pg_get_viewdef), comment, column_names/column_types, and the relations and
/// columns the query reads as parallel arrays dep_schemas/dep_names/dep_columns.
extern const std::string_view kViews;
/// kUnmanaged: kind, object: what schemac does not model, in scope and not
/// owned by an extension (functions, triggers, policies, rules, composite and
/// range types, exclusion constraints, foreign tables, partitioning, unlogged
/// tables, row-level security).
extern const std::string_view kUnmanaged;
/// kScratchViews: the session's temporary views (relname), shaped like kViews.
extern const std::string_view kScratchViews;
/// kScratchExpressions: the expressions on the session's temporary tables, one
/// row each: relname (the table), kind ('default' for pg_attrdef, defaults and
/// generation expressions alike; 'check'; 'index' for a key expression, ord its
/// position; 'where' for a predicate), name (column, constraint or index), ord,
/// expr printed as kColumns, kConstraints and kIndexes print it. One extra row,
/// kind 'refused', carries the setting schemac.refused (see canonicalize_expr.cpp).
extern const std::string_view kScratchExpressions;

}  // namespace schemac::catalog::queries
