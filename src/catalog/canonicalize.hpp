// catalog/canonicalize: the desired side's view queries as PostgreSQL prints
// them, so that `select id from maps` and PostgreSQL's ` SELECT maps.id FROM
// maps;` compare equal and a plan never shows a phantom change.
#pragma once

#include "base/diagnostic.hpp"
#include "catalog/connection.hpp"
#include "ir/catalog.hpp"

namespace schemac::catalog {

/// canonicalize_views creates each desired view's query as a temporary view, in
/// a transaction that is always rolled back, under the search_path the
/// inspector reads with and apply creates with (public); it then reads every
/// one back with pg_get_viewdef in one query and sets the view's body and facts
/// (output columns, what it reads; the text as written stays in facts.written
/// for apply to run). A query PostgreSQL refuses now (it needs a
/// table or column this plan adds) keeps its text, so it diffs as changed,
/// which it is. Nothing is left behind in the database. When temporary views
/// cannot be created at all (no TEMP right, a read-only server) it warns
/// (W0406) and leaves every query as written. Reports E0402 and
/// returns false only when the database itself fails (not a refused query).
bool canonicalize_views(Connection& conn, ir::Catalog& desired, base::Diagnostics& diags);

}  // namespace schemac::catalog
