// Builders for views in diff, plan and emit unit tests.
#pragma once

#include "diff_test_util.hpp"

namespace schemac::testing {

/// view: a view in `schema`, reading `relations` and (table, column) `reads`;
/// with `columns` its facts count as known (from the database).
inline ir::View& add_view(ir::Catalog& catalog, const std::string& schema_name, std::string name,
                          std::string body, std::vector<ir::QualifiedName> relations = {},
                          std::vector<std::pair<ir::QualifiedName, std::string>> reads = {},
                          std::vector<ir::ViewColumn> columns = {}) {
  ir::View v;
  v.name = std::move(name);
  v.body = std::move(body);
  v.facts.known = !columns.empty();
  v.facts.columns = std::move(columns);
  v.facts.relations = std::move(relations);
  v.facts.reads = std::move(reads);
  ir::Schema& s = schema(catalog, schema_name);
  s.views.push_back(std::move(v));
  return s.views.back();
}

}  // namespace schemac::testing
