// catalog/inspect_views: views and materialized views from the views query rows.
#include "catalog/inspect_build.hpp"

namespace schemac::catalog {

ir::ViewFacts view_facts(const RowRef& row) {
  ir::ViewFacts facts;
  facts.known = true;
  std::vector<std::string> names = row.array("column_names");
  std::vector<std::string> types = row.array("column_types");
  for (std::size_t i = 0; i < names.size() && i < types.size(); ++i)
    facts.columns.push_back({names[i], types[i]});
  std::vector<std::string> schemas = row.array("dep_schemas");
  std::vector<std::string> relations = row.array("dep_names");
  std::vector<std::string> columns = row.array("dep_columns");
  for (std::size_t i = 0; i < schemas.size() && i < relations.size(); ++i) {
    ir::QualifiedName relation{schemas[i], relations[i]};
    if (facts.relations.empty() || facts.relations.back() != relation)
      facts.relations.push_back(relation);
    if (i < columns.size() && !columns[i].empty()) facts.reads.emplace_back(relation, columns[i]);
  }
  return facts;
}

void add_views(const ResultSet& rows, ir::Catalog& catalog) {
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    ir::View view;
    view.name = row.text("relname");
    view.materialized = row.flag("materialized");
    view.body = row.text("body");
    view.comment = row.opt("comment");
    view.facts = view_facts(row);
    schema_for(catalog, row.text("nspname")).views.push_back(std::move(view));
  }
}

}  // namespace schemac::catalog
