#include "ir/print.hpp"

#include "base/quote.hpp"
#include "ir/types.hpp"

namespace schemac::ir {
namespace {

std::string list(const std::vector<std::string>& names) {
  std::string out = "(";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + ")";
}

std::string optional_field(std::string_view key, const std::optional<std::string>& value) {
  return value ? " " + std::string(key) + "=" + base::quote_literal(*value) : "";
}

std::string renamed(const Provenance& provenance) {
  return optional_field("renamed_from", provenance.renamed_from);
}

std::string column_line(const Column& c) {
  std::string out = "    column " + c.name + " " + type_sql(c.type);
  if (c.not_null) out += " not null";
  if (c.default_expr) out += " default " + *c.default_expr;
  if (c.serial) out += " serial";
  if (c.identity == IdentityKind::Always) out += " identity=always";
  if (c.identity == IdentityKind::ByDefault) out += " identity=by_default";
  if (c.generated_expr) out += " generated (" + *c.generated_expr + ")";
  out += optional_field("collate", c.collation);
  out += optional_field("comment", c.comment);
  return out + renamed(c.provenance) + "\n";
}

std::string fk_line(const ForeignKey& fk) {
  std::string out = "    foreign key " + fk.name + " " + list(fk.columns) + " references " +
                    fk.ref_table.schema + "." + fk.ref_table.name + " " + list(fk.ref_columns);
  out += " on delete " + std::string(fk_action_name(fk.on_delete));
  out += " on update " + std::string(fk_action_name(fk.on_update));
  if (fk.deferrable) out += " deferrable";
  if (fk.initially_deferred) out += " initially deferred";
  return out + optional_field("comment", fk.comment) + "\n";
}

std::string index_line(const Index& index) {
  std::string out = "    " + std::string(index.unique ? "unique index " : "index ") + index.name +
                    " using " + index.method + " (";
  for (std::size_t i = 0; i < index.elements.size(); ++i) {
    const IndexElement& e = index.elements[i];
    out += (i ? ", " : "") + (e.expr ? "(" + *e.expr + ")" : e.column);
    if (e.opclass) out += " " + *e.opclass;
    if (e.descending) out += " desc";
    if (e.nulls_first) out += *e.nulls_first ? " nulls first" : " nulls last";
  }
  out += ")";
  if (!index.include.empty()) out += " include " + list(index.include);
  if (index.where) out += " where (" + *index.where + ")";
  out += optional_field("comment", index.comment);
  return out + renamed(index.provenance) + "\n";
}

std::string table_lines(const std::string& schema, const Table& t) {
  std::string out = "  table " + schema + "." + t.name + optional_field("comment", t.comment) +
                    renamed(t.provenance) + "\n";
  for (const Column& c : t.columns) out += column_line(c);
  if (t.primary_key) {
    out += "    primary key " + t.primary_key->name + " " + list(t.primary_key->columns) + "\n";
  }
  for (const UniqueConstraint& u : t.uniques) {
    out += "    unique " + u.name + " " + list(u.columns) +
           (u.nulls_not_distinct ? " nulls not distinct" : "") +
           optional_field("comment", u.comment) + "\n";
  }
  for (const CheckConstraint& c : t.checks) {
    out += "    check " + c.name + " (" + c.expr + ")" + (c.no_inherit ? " no inherit" : "") +
           optional_field("comment", c.comment) + "\n";
  }
  for (const ForeignKey& fk : t.foreign_keys) out += fk_line(fk);
  for (const Index& index : t.indexes) out += index_line(index);
  return out;
}

std::string number(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "default";
}

std::string sequence_line(const std::string& schema, const Sequence& s) {
  std::string out = "  sequence " + schema + "." + s.name + " as " + s.data_type + " start " +
                    number(s.start) + " increment " + std::to_string(s.increment) + " min " +
                    number(s.min_value) + " max " + number(s.max_value) + " cache " +
                    std::to_string(s.cache) + (s.cycle ? " cycle" : "");
  if (s.owned_by) out += " owned by " + s.owned_by->table + "." + s.owned_by->column;
  return out + optional_field("comment", s.comment) + renamed(s.provenance) + "\n";
}

std::string domain_lines(const std::string& schema, const Domain& d) {
  std::string out = "  domain " + schema + "." + d.name + " " + type_sql(d.type);
  if (d.not_null) out += " not null";
  if (d.default_expr) out += " default " + *d.default_expr;
  out += optional_field("collate", d.collation) + optional_field("comment", d.comment) +
         renamed(d.provenance) + "\n";
  for (const CheckConstraint& c : d.checks) out += "    check " + c.name + " (" + c.expr + ")\n";
  return out;
}

}  // namespace

std::string to_debug_string(const Catalog& catalog) {
  std::string out;
  for (const Extension& e : catalog.extensions) {
    out += "extension " + e.name + optional_field("version", e.version) +
           optional_field("schema", e.schema) + "\n";
  }
  for (const Schema& s : catalog.schemas) {
    out += "schema " + s.name + optional_field("comment", s.comment) + "\n";
    for (const EnumType& e : s.enums) {
      std::vector<std::string> values;
      for (const std::string& v : e.values) values.push_back(base::quote_literal(v));
      out += "  enum " + s.name + "." + e.name + " " + list(values) +
             optional_field("comment", e.comment) + "\n";
    }
    for (const Domain& d : s.domains) out += domain_lines(s.name, d);
    for (const Sequence& q : s.sequences) out += sequence_line(s.name, q);
    for (const Table& t : s.tables) out += table_lines(s.name, t);
    for (const View& v : s.views) {
      out += std::string(v.materialized ? "  materialized view " : "  view ") + s.name + "." +
             v.name + " as (" + v.body + ")" + optional_field("comment", v.comment) +
             renamed(v.provenance) + "\n";
    }
  }
  return out;
}

std::string_view fk_action_name(FkAction action) {
  switch (action) {
    case FkAction::NoAction:
      return "no action";
    case FkAction::Restrict:
      return "restrict";
    case FkAction::Cascade:
      return "cascade";
    case FkAction::SetNull:
      return "set null";
    case FkAction::SetDefault:
      return "set default";
  }
  return "?";
}

}  // namespace schemac::ir
