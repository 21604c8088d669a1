// Builders for sequences and domains in diff, plan and emit unit tests.
#pragma once

#include "diff_test_util.hpp"
#include "ir/sequence.hpp"

namespace schemac::testing {

/// sequence: a normalized sequence (PostgreSQL's defaults for what is not given).
inline ir::Sequence sequence(std::string name, std::string data_type = "bigint",
                             std::int64_t increment = 1) {
  ir::Sequence s;
  s.name = std::move(name);
  s.data_type = std::move(data_type);
  s.increment = increment;
  ir::normalize_sequence(s);
  return s;
}

inline ir::Domain domain(std::string name, ir::TypeRef base,
                         std::vector<std::pair<std::string, std::string>> checks = {}) {
  ir::Domain d;
  d.name = std::move(name);
  d.type = std::move(base);
  for (auto& [check_name, expr] : checks)
    d.checks.push_back({std::move(check_name), std::move(expr), false, {}, {}});
  return d;
}

inline void add_sequence(ir::Catalog& catalog, const std::string& schema_name, ir::Sequence s) {
  schema(catalog, schema_name).sequences.push_back(std::move(s));
}

inline void add_domain(ir::Catalog& catalog, const std::string& schema_name, ir::Domain d) {
  schema(catalog, schema_name).domains.push_back(std::move(d));
}

}  // namespace schemac::testing
