// catalog/inspect_build: the order in which the per-kind builders run.
#include "catalog/inspect_build.hpp"

namespace schemac::catalog {

ir::Catalog build_catalog(const InspectResults& results) {
  ir::Catalog catalog;
  add_extensions(results.extensions, catalog);
  add_schemas(results.schemas, catalog);
  add_enums(results.enums, catalog);
  add_sequences(results.sequences, catalog);
  add_domains(results.domains, catalog);
  // Schemas must all exist before tables are indexed by pointer.
  const TableIndex tables = add_tables(results.tables, results.columns, catalog);
  add_constraints(results.constraints, tables);
  add_indexes(results.indexes, tables);
  add_views(results.views, catalog);
  for (std::size_t i = 0; i < results.unmanaged.row_count(); ++i) {
    const RowRef row(results.unmanaged, i);
    catalog.unmanaged.objects.push_back(row.text("kind") + " " + row.text("object"));
  }
  return catalog;
}

}  // namespace schemac::catalog
