// Rules over the desired catalog: L001–L005. Each looks at one table at a time
// and reports at the construct as written (name, type or constraint).
#include <algorithm>

#include "base/quote.hpp"
#include "ir/types.hpp"
#include "lint/lint.hpp"
#include "lint/report.hpp"

namespace schemac::lint {
namespace {

using base::DiagKind;

std::string join_columns(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& column : columns) {
    if (!out.empty()) out += ", ";
    out += base::quote_ident(column);
  }
  return out;
}

std::optional<base::SourceSpan> name_span(const ir::Provenance& provenance) {
  return provenance.name_span ? provenance.name_span : provenance.span;
}

std::optional<base::SourceSpan> type_span(const ir::Provenance& provenance) {
  return provenance.type_span ? provenance.type_span : provenance.span;
}

// has_leading_columns: the first columns.size() keys of an index are exactly
// `columns`, in any order (a lookup by equality on all of them can use it).
bool has_leading_columns(std::vector<std::string> leading, std::vector<std::string> columns) {
  if (leading.size() < columns.size()) return false;
  leading.resize(columns.size());
  std::sort(leading.begin(), leading.end());
  std::sort(columns.begin(), columns.end());
  return leading == columns;
}

// plain_keys are an index's leading plain-column keys, up to its first expression.
std::vector<std::string> plain_keys(const ir::Index& index) {
  std::vector<std::string> keys;
  for (const ir::IndexElement& element : index.elements) {
    if (element.expr || element.column.empty()) break;
    keys.push_back(element.column);
  }
  return keys;
}

// A primary key, a unique constraint or a complete btree (or single-column hash)
// index supports the lookups that keep a foreign key checked on the referencing side.
bool fk_is_indexed(const ir::Table& table, const std::vector<std::string>& columns) {
  if (table.primary_key && has_leading_columns(table.primary_key->columns, columns)) return true;
  for (const ir::UniqueConstraint& unique : table.uniques)
    if (has_leading_columns(unique.columns, columns)) return true;
  for (const ir::Index& index : table.indexes) {
    if (index.where) continue;  // a partial index does not cover every row
    bool usable = index.method == "btree" || (index.method == "hash" && columns.size() == 1);
    if (usable && has_leading_columns(plain_keys(index), columns)) return true;
  }
  return false;
}

// GiST and BRIN indexes serve a condition on any of their columns; SP-GiST has one.
bool has_spatial_index(const ir::Table& table, const std::string& column) {
  return std::any_of(table.indexes.begin(), table.indexes.end(), [&](const ir::Index& index) {
    if (index.method != "gist" && index.method != "spgist" && index.method != "brin") return false;
    return std::any_of(index.elements.begin(), index.elements.end(),
                       [&](const ir::IndexElement& e) { return !e.expr && e.column == column; });
  });
}

std::string column_display(const ir::Column& column, const ir::QualifiedName& table) {
  return "column " + base::quote_ident(column.name) + " of " + table_display(table);
}

void check_columns(const ir::Table& table, const ir::QualifiedName& name, Reporter& out) {
  for (const ir::Column& column : table.columns) {
    const ir::TypeRef& type = column.type;
    bool spatial = ir::is_postgis_type(type.name) && !type.schema.empty() && !type.is_array;
    if (spatial && !has_spatial_index(table, column.name)) {
      out.report(DiagKind::LintSpatialColumnWithoutIndex, type_span(column.provenance),
                 column_display(column, name) + " is " + type.name +
                     " but no GiST, SP-GiST or BRIN index covers it: spatial queries scan "
                     "the whole table; add `index using gist (" +
                     base::quote_ident(column.name) + ")`");
    }
    if (spatial && type.name == "geometry" && (!type.geo || type.geo->srid == 0)) {
      std::string subtype = type.geo ? type.geo->subtype : "Geometry";
      out.report(DiagKind::LintGeometryWithoutSrid, type_span(column.provenance),
                 column_display(column, name) +
                     " is geometry without an SRID: values in any coordinate system are "
                     "accepted and mixed; name one, e.g. geometry(" +
                     subtype + ", 4326)");
    }
    if (type.schema.empty() && type.name == "character varying" && !type.modifiers.empty()) {
      std::string quoted = base::quote_ident(column.name);
      out.report(DiagKind::LintVarcharLength, type_span(column.provenance),
                 column_display(column, name) + " is varchar(" + type.modifiers.front() +
                     "): a length limit is a rule about the data; write text with check "
                     "(length(" +
                     quoted + ") <= " + type.modifiers.front() +
                     "), which can change without rewriting or rescanning the table");
    }
  }
}

void check_table(const ir::Table& table, const ir::QualifiedName& name, Reporter& out) {
  if (!table.primary_key) {
    out.report(DiagKind::LintTableWithoutPrimaryKey, name_span(table.provenance),
               "table " + table_display(name) +
                   " has no primary key: its rows cannot be told apart for updates, "
                   "replication or deduplication; add one");
  }
  for (const ir::ForeignKey& fk : table.foreign_keys) {
    if (fk_is_indexed(table, fk.columns)) continue;
    std::string columns = join_columns(fk.columns);
    out.report(DiagKind::LintForeignKeyWithoutIndex,
               fk.provenance.span ? fk.provenance.span : table.provenance.span,
               "foreign key " + base::quote_ident(fk.name) + " of " + table_display(name) + " (" +
                   columns +
                   ") has no index that starts with its columns: every delete or key "
                   "update in " +
                   table_display(fk.ref_table) + " scans this table; add `index (" + columns +
                   ")`");
  }
  check_columns(table, name, out);
}

}  // namespace

void check_schema(const ir::Catalog& desired, const Context& context, base::Diagnostics& diags) {
  Reporter out(context, diags);
  for (const ir::Schema& schema : desired.schemas)
    for (const ir::Table& table : schema.tables) check_table(table, {schema.name, table.name}, out);
}

}  // namespace schemac::lint
