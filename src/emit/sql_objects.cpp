// Indexes and comments as SQL.
#include "base/quote.hpp"
#include "emit/sql_parts.hpp"

namespace schemac::emit::detail {
namespace {

std::string index_element(const ir::IndexElement& e) {
  std::string out = e.expr ? "(" + *e.expr + ")" : base::quote_ident(e.column);
  if (e.opclass) out += " " + base::quote_ident(*e.opclass);
  if (e.descending) out += " DESC";
  if (e.nulls_first) out += *e.nulls_first ? " NULLS FIRST" : " NULLS LAST";
  return out;
}

std::string comment_target(const diff::SetComment& c) {
  using diff::CommentTarget;
  switch (c.target) {
    case CommentTarget::Schema:
      return "SCHEMA " + base::quote_ident(c.object.schema);
    case CommentTarget::Table:
      return "TABLE " + table_name(c.object);
    case CommentTarget::Column:
      return "COLUMN " + table_name(c.object) + "." + base::quote_ident(c.member);
    case CommentTarget::Enum:
      return "TYPE " + table_name(c.object);
    case CommentTarget::Index:
      return "INDEX " + table_name({c.object.schema, c.member});
    case CommentTarget::Constraint:
      return "CONSTRAINT " + base::quote_ident(c.member) + " ON " + table_name(c.object);
    case CommentTarget::View:
      return "VIEW " + table_name(c.object);
    case CommentTarget::MaterializedView:
      return "MATERIALIZED VIEW " + table_name(c.object);
    case CommentTarget::Sequence:
      return "SEQUENCE " + table_name(c.object);
    case CommentTarget::Domain:
      return "DOMAIN " + table_name(c.object);
  }
  return "";
}

}  // namespace

std::string one_line(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      out += std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string create_index_sql(const diff::CreateIndex& change) {
  const ir::Index& index = change.index;
  std::string out = index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  out += base::quote_ident(index.name) + " ON " + table_name(change.table);
  if (index.method != "btree") out += " USING " + base::quote_ident(index.method);
  std::string elements;
  for (const ir::IndexElement& e : index.elements)
    elements += (elements.empty() ? "" : ", ") + index_element(e);
  out += " (" + elements + ")";
  if (!index.include.empty()) out += " INCLUDE (" + ident_list(index.include) + ")";
  if (index.where) out += " WHERE (" + *index.where + ")";
  return out + ";";
}

std::string comment_sql(const diff::SetComment& change) {
  return "COMMENT ON " + comment_target(change) + " IS " +
         (change.comment ? base::quote_literal(*change.comment) : "NULL") + ";";
}

}  // namespace schemac::emit::detail
