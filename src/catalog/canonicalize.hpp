// catalog/canonicalize: the desired side's view queries and table expressions
// as PostgreSQL prints them, so that `select id from maps` and PostgreSQL's
// ` SELECT maps.id FROM maps;`, or `position('@' in email)` and
// `POSITION(('@'::text) IN (email))`, compare equal and a plan never shows a
// phantom change.
#pragma once

#include "base/diagnostic.hpp"
#include "catalog/connection.hpp"
#include "ir/catalog.hpp"

namespace schemac::catalog {

/// ViewStats: what canonicalize_views did, for tests and benchmarks.
struct ViewStats {
  int queries = 0;  // statements sent (BEGIN and ROLLBACK not counted): 0, or 4 with PL/pgSQL
};

/// canonicalize_views creates each desired view's query as a temporary view
/// (all in one DO statement, so the statements sent do not grow with the
/// number of views; one by one without PL/pgSQL), in a transaction that is
/// always rolled back, under the search_path the
/// inspector reads with and apply creates with (public); it then reads every
/// one back with pg_get_viewdef in one query and sets the view's body and facts
/// (output columns, what it reads; the text as written stays in facts.written
/// for apply to run). A query PostgreSQL refuses now (it needs a
/// table or column this plan adds) keeps its text, so it diffs as changed,
/// which it is. Nothing is left behind in the database. When temporary views
/// cannot be created at all (no TEMP right, a read-only server) it warns
/// (W0406) and leaves every query as written. Reports E0402 and
/// returns false only when the database itself fails (not a refused query).
bool canonicalize_views(Connection& conn, ir::Catalog& desired, base::Diagnostics& diags,
                        ViewStats* stats = nullptr);

/// ExpressionStats: what canonicalize_expressions did, for tests and benchmarks.
struct ExpressionStats {
  int queries = 0;     // statements sent (BEGIN and ROLLBACK not counted); 0 or 3
  int candidates = 0;  // expressions created on scratch tables
  int rewritten = 0;   // expressions set to PostgreSQL's text (they compare equal)
};

/// canonicalize_expressions compares the desired side's check constraints,
/// column defaults, generation expressions, index expressions and partial-index
/// predicates with the current side's as PostgreSQL prints them. Only a desired
/// table that exists in `current` (under its name or the one its `renamed from`
/// hint gives) takes part, and only an expression that has a counterpart there
/// (same constraint, column or index, or the one its hint names; for a check or
/// index without either, any current one no desired one claims, which diff may
/// then find renamed) whose normalize_expr text differs: a plan against a
/// matching database sends nothing. The rest are created on temporary copies of their tables
/// (`CREATE TEMP TABLE ... (LIKE t)`, ACCESS SHARE on t; renamed columns renamed
/// on the copy), in one transaction that is always rolled back, under the
/// search_path the inspector reads with, and read back with the inspector's
/// catalog functions: three statements in all, however many expressions. An
/// expression whose PostgreSQL text then equals the current one is set to that
/// text; any other keeps the text as written, so a genuine change is planned
/// and applied as the files spell it. An expression that names a column whose
/// type or collation changes, or that PostgreSQL refuses, keeps its text. When
/// temporary tables cannot be created (no TEMP right, a read-only server) it
/// warns (W0407). Reports E0402 and returns false only when the database
/// itself fails.
bool canonicalize_expressions(Connection& conn, const ir::Catalog& current, ir::Catalog& desired,
                              base::Diagnostics& diags, ExpressionStats* stats = nullptr);

}  // namespace schemac::catalog
