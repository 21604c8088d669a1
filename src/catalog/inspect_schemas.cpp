// catalog/inspect_schemas: extensions, schemas and enum types from their query rows.
#include "catalog/inspect_build.hpp"

namespace schemac::catalog {
namespace {

// initdb gives `public` this comment; a schema file never declares it, so
// reporting it would make every plan want to remove it.
constexpr std::string_view kPublicSchema = "public";
constexpr std::string_view kPublicDefaultComment = "standard public schema";

}  // namespace

ir::Schema& schema_for(ir::Catalog& catalog, const std::string& name) {
  if (ir::Schema* found = ir::find_schema(catalog, name)) return *found;
  ir::Schema schema;
  schema.name = name;
  catalog.schemas.push_back(std::move(schema));
  return catalog.schemas.back();
}

void add_extensions(const ResultSet& rows, ir::Catalog& catalog) {
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    ir::Extension ext;
    ext.name = row.text("extname");
    ext.version = row.opt("extversion");
    ext.schema = row.opt("nspname");
    ext.required.names = row.array("requires");
    catalog.extensions.push_back(std::move(ext));
  }
}

void add_schemas(const ResultSet& rows, ir::Catalog& catalog) {
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    ir::Schema& schema = schema_for(catalog, row.text("nspname"));
    schema.comment = row.opt("comment");
    if (schema.name == kPublicSchema && schema.comment == kPublicDefaultComment) {
      schema.comment.reset();
    }
  }
}

void add_enums(const ResultSet& rows, ir::Catalog& catalog) {
  // One row per value, grouped by type and in enumsortorder order.
  ir::EnumType* current = nullptr;
  std::string current_schema;
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    const std::string schema = row.text("nspname");
    const std::string name = row.text("typname");
    if (current == nullptr || current_schema != schema || current->name != name) {
      ir::Schema& owner = schema_for(catalog, schema);
      ir::EnumType type;
      type.name = name;
      type.comment = row.opt("comment");
      owner.enums.push_back(std::move(type));
      current = &owner.enums.back();
      current_schema = schema;
    }
    current->values.push_back(row.text("label"));
  }
}

}  // namespace schemac::catalog
