// catalog/inspect_build: turning the rows of the catalog queries (queries.hpp)
// into an ir::Catalog. No libpqxx here, so unit tests can feed canned rows.
// Values are canonical but not normalized (the CLI normalizes both sides).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "catalog/result_set.hpp"
#include "ir/catalog.hpp"

namespace schemac::catalog {

/// InspectResults holds one ResultSet per catalog query.
struct InspectResults {
  ResultSet extensions;
  ResultSet schemas;
  ResultSet enums;
  ResultSet tables;
  ResultSet columns;
  ResultSet constraints;
  ResultSet indexes;
  ResultSet views;
  ResultSet unmanaged;
  ResultSet sequences;
  ResultSet domains;
};

/// build_catalog assembles the whole catalog from the query results.
ir::Catalog build_catalog(const InspectResults& results);

/// TableIndex finds a table by qualified name once every table has been added.
using TableIndex = std::map<ir::QualifiedName, ir::Table*>;

void add_extensions(const ResultSet& rows, ir::Catalog& catalog);
void add_schemas(const ResultSet& rows, ir::Catalog& catalog);
void add_enums(const ResultSet& rows, ir::Catalog& catalog);
/// add_tables adds the tables and their columns; returns the index of them.
TableIndex add_tables(const ResultSet& tables, const ResultSet& columns, ir::Catalog& catalog);
void add_constraints(const ResultSet& rows, const TableIndex& tables);
void add_indexes(const ResultSet& rows, const TableIndex& tables);
void add_views(const ResultSet& rows, ir::Catalog& catalog);
/// view_facts reads ViewFacts from a kViews-shaped row (also used by canonicalize).
ir::ViewFacts view_facts(const RowRef& row);
void add_sequences(const ResultSet& rows, ir::Catalog& catalog);
void add_domains(const ResultSet& rows, ir::Catalog& catalog);

/// InspectedType is what the columns query says about a column's type.
struct InspectedType {
  std::string schema;                     // namespace of the (element) type
  std::string name;                       // typname of the (element) type
  std::string format;                     // format_type(element, NULL)
  std::optional<std::string> format_mod;  // format_type(element, atttypmod) when typmod >= 0
  bool is_array = false;
};

/// to_type_ref maps an inspected type onto the canonical TypeRef (see ir/types.hpp).
ir::TypeRef to_type_ref(const InspectedType& type);

/// schema_for returns the schema named `name`, adding it when missing.
ir::Schema& schema_for(ir::Catalog& catalog, const std::string& name);

}  // namespace schemac::catalog
