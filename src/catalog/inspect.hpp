// catalog/inspect: pg_catalog -> ir::Catalog with a small fixed number of
// queries whatever the number of objects. PostGIS-aware; objects that belong to
// an extension (found through pg_depend) and system schemas are left out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "catalog/connection.hpp"
#include "ir/catalog.hpp"

namespace schemac::catalog {

struct InspectOptions {
  /// schemas to read; empty = every schema that is not a system or extension-owned one.
  std::vector<std::string> schemas;
  /// send half of the queries on a second connection that shares the first's
  /// snapshot, so that the server answers on two cores (falls back to one
  /// connection when a second cannot be opened); false: one connection only.
  bool two_connections = true;
};

struct InspectStats {
  int queries = 0;  // catalog queries sent; must not depend on the number of objects
};

/// inspect reads the current catalog. Reports E0402 and returns nullopt on failure.
std::optional<ir::Catalog> inspect(Connection& conn, const InspectOptions& options,
                                   base::Diagnostics& diags, InspectStats* stats = nullptr);

}  // namespace schemac::catalog
