#include "emit/schema_text.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/quote.hpp"
#include "ir/types.hpp"

namespace schemac::emit {
namespace {

// Words the .schema language reads as keywords where a name could stand (a
// column name, a declaration's name); such names are printed quoted.
constexpr std::array<std::string_view, 26> kLanguageWords = {
    "check",     "collate", "comment",    "constraint", "default", "domain",       "enum",
    "extension", "foreign", "generated",  "index",      "key",     "materialized", "not",
    "null",      "primary", "references", "renamed",    "schema",  "sequence",     "table",
    "unique",    "using",   "version",    "view",       "where"};

std::string dsl_string(std::string_view value) {
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string ident_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + dsl_ident(name);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// wrapped puts an expression in parentheses unless it is one plain token, so
// that no word inside it (not, null, default …) ends a column's default.
std::string wrapped(const std::string& expr) {
  bool plain = std::all_of(expr.begin(), expr.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == ':' ||
           c == '\'' || c == '(' || c == ')';
  });
  return plain && !expr.empty() ? expr : "(" + expr + ")";
}

class Printer {
 public:
  Printer(const ir::Catalog& catalog, const SchemaTextOptions& options, SchemaText& out)
      : catalog_(catalog), options_(options), out_(out) {}

  void extensions() {
    for (const ir::Extension& e : catalog_.extensions) {
      out_.text += "extension " + dsl_ident(e.name);
      if (e.schema && *e.schema != options_.default_schema)
        out_.text += " schema " + dsl_ident(*e.schema);
      if (e.version) out_.text += "  // installed: " + *e.version;
      out_.text += "\n";
    }
    if (!catalog_.extensions.empty()) out_.text += "\n";
  }

  void schema(const ir::Schema& schema) {
    block_ = schema.name;
    bool nested = schema.name != options_.default_schema;
    indent_ = nested ? "  " : "";
    if (nested) {
      doc(schema.comment, "schema " + schema.name);
      out_.text += "schema " + dsl_ident(schema.name) + " {\n";
    } else if (schema.comment) {
      out_.unexpressed.push_back("the comment on schema " + schema.name);
    }
    bool first = true;
    auto separate = [&] {
      if (!first) out_.text += "\n";
      first = false;
    };
    for (const ir::Sequence& s : schema.sequences) separate(), sequence(s);
    for (const ir::Domain& d : schema.domains) separate(), domain(d);
    for (const ir::EnumType& e : schema.enums) separate(), enum_type(e);
    for (const ir::Table& t : schema.tables) separate(), table(t);
    for (const ir::View& v : schema.views) separate(), view(v);
    if (nested) out_.text += "}\n";
  }

 private:
  // doc prints a comment as /// lines; the language trims each line, so a
  // comment whose lines have outer blanks cannot be said exactly.
  void doc(const std::optional<std::string>& comment, const std::string& what,
           const std::string& indent = "") {
    if (!comment) return;
    std::string_view rest = *comment;
    bool exact = true;
    while (true) {
      std::size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      exact = exact && trim(line) == line;
      out_.text +=
          indent_ + indent + "///" + (line.empty() ? "" : " ") + std::string(trim(line)) + "\n";
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
    if (!exact) out_.unexpressed.push_back("the exact blanks of the comment on " + what);
  }

  void enum_type(const ir::EnumType& e) {
    doc(e.comment, "enum " + block_ + "." + e.name);
    std::string values;
    for (const std::string& v : e.values) values += (values.empty() ? "" : ", ") + dsl_string(v);
    out_.text += indent_ + "enum " + dsl_ident(e.name) + " { " + values + " }\n";
  }

  void sequence(const ir::Sequence& s) {
    doc(s.comment, "sequence " + block_ + "." + s.name);
    std::string line = indent_ + "sequence " + dsl_ident(s.name) + " as " + s.data_type;
    if (s.start) line += " start " + std::to_string(*s.start);
    line += " increment " + std::to_string(s.increment);
    if (s.min_value) line += " minvalue " + std::to_string(*s.min_value);
    if (s.max_value) line += " maxvalue " + std::to_string(*s.max_value);
    line += " cache " + std::to_string(s.cache);
    if (s.cycle) line += " cycle";
    if (s.owned_by)
      line += " owned by " + dsl_ident(s.owned_by->table) + "." + dsl_ident(s.owned_by->column);
    out_.text += line + "\n";
  }

  void domain(const ir::Domain& d) {
    const std::string what = "domain " + block_ + "." + d.name;
    doc(d.comment, what);
    std::string line = indent_ + "domain " + dsl_ident(d.name) + " as " + type_text(d.type, what);
    if (d.collation) line += " collate " + dsl_ident(*d.collation);
    if (d.not_null) line += " not null";
    if (d.default_expr) line += " default " + wrapped(*d.default_expr);
    for (const ir::CheckConstraint& c : d.checks) {
      line += " constraint " + dsl_ident(c.name) + " check (" + c.expr + ")";
      constraint_comment(c.comment, "constraint " + c.name + " on " + what);
    }
    out_.text += line + "\n";
  }

  // type_text: user enums qualified unless they live in the block's schema;
  // PostGIS and other extension types unqualified, as the language resolves them.
  std::string type_text(const ir::TypeRef& type, const std::string& where) {
    if (type.schema.empty()) return ir::type_sql(type);
    ir::TypeRef bare = type;
    bare.schema.clear();
    if (type.geo || ir::extension_of_type(type.name)) return ir::type_sql(bare);
    if (!ir::find_enum(catalog_, {type.schema, type.name}) &&
        !ir::find_domain(catalog_, {type.schema, type.name}))
      out_.unexpressed.push_back(where + ": type " + type.schema + "." + type.name +
                                 " is not an enum, a domain or an extension type schemac knows");
    std::string name = dsl_ident(type.name);
    if (type.schema != block_) name = dsl_ident(type.schema) + "." + name;
    if (!type.modifiers.empty()) {
      name += "(";
      for (std::size_t i = 0; i < type.modifiers.size(); ++i)
        name += (i ? "," : "") + type.modifiers[i];
      name += ")";
    }
    return name + (type.is_array ? "[]" : "");
  }

  std::string column_line(const ir::Table& table, const ir::Column& c) {
    std::string where = "column " + block_ + "." + table.name + "." + c.name;
    std::string type = type_text(c.type, where);
    if (c.serial)
      type = c.type.name == "bigint"     ? "bigserial"
             : c.type.name == "smallint" ? "smallserial"
                                         : "serial";
    std::string line = dsl_ident(c.name) + " " + type;
    if (c.collation) line += " collate " + dsl_ident(*c.collation);
    if (c.not_null) line += " not null";
    if (c.default_expr) line += " default " + wrapped(*c.default_expr);
    if (c.identity == ir::IdentityKind::Always) line += " generated always as identity";
    if (c.identity == ir::IdentityKind::ByDefault) line += " generated by default as identity";
    if (c.generated_expr) line += " generated always as (" + *c.generated_expr + ") stored";
    if (c.comment) line += " comment " + dsl_string(*c.comment);
    return line;
  }

  std::string qualified(const ir::QualifiedName& name) {
    return dsl_ident(name.schema) + "." + dsl_ident(name.name);
  }

  void constraint_comment(const std::optional<std::string>& comment, const std::string& what) {
    if (comment) out_.unexpressed.push_back("the comment on " + what);
  }

  std::string index_line(const ir::Index& index) {
    std::string line =
        std::string(index.unique ? "unique " : "") + "index " + dsl_ident(index.name);
    if (index.method != "btree") line += " using " + dsl_ident(index.method);
    std::string elements;
    for (const ir::IndexElement& e : index.elements) {
      std::string item = e.expr ? "(" + *e.expr + ")" : dsl_ident(e.column);
      if (e.opclass) item += " " + *e.opclass;
      if (e.descending) item += " desc";
      if (e.nulls_first && *e.nulls_first != e.descending)
        item += *e.nulls_first ? " nulls first" : " nulls last";
      elements += (elements.empty() ? "" : ", ") + item;
    }
    line += " (" + elements + ")";
    if (!index.include.empty()) line += " include (" + ident_list(index.include) + ")";
    if (index.where) line += " where (" + *index.where + ")";
    return line;
  }

  void table(const ir::Table& t) {
    const std::string what = "table " + block_ + "." + t.name;
    out_.text += indent_ + "table " + dsl_ident(t.name) + " {\n";
    // Columns, then keys, constraints and indexes: the order `schemac fmt`
    // keeps. The layout (alignment) is dsl::format's, applied by the caller.
    const std::string in = indent_ + "  ";
    for (const ir::Column& c : t.columns) out_.text += in + column_line(t, c) + "\n";
    if (t.primary_key)
      out_.text += in + "constraint " + dsl_ident(t.primary_key->name) + " primary key (" +
                   ident_list(t.primary_key->columns) + ")\n";
    for (const ir::UniqueConstraint& u : t.uniques) {
      out_.text +=
          in + "constraint " + dsl_ident(u.name) + " unique (" + ident_list(u.columns) + ")\n";
      if (u.nulls_not_distinct)
        out_.unexpressed.push_back("unique " + u.name + " on " + what + ": NULLS NOT DISTINCT");
      constraint_comment(u.comment, "constraint " + u.name + " on " + what);
    }
    for (const ir::CheckConstraint& c : t.checks) {
      out_.text += in + "constraint " + dsl_ident(c.name) + " check (" + c.expr + ")\n";
      if (c.no_inherit)
        out_.unexpressed.push_back("check " + c.name + " on " + what + ": NO INHERIT");
      constraint_comment(c.comment, "constraint " + c.name + " on " + what);
    }
    for (const ir::ForeignKey& fk : t.foreign_keys) {
      std::string line = in + "constraint " + dsl_ident(fk.name) + " foreign key (" +
                         ident_list(fk.columns) + ") references " + qualified(fk.ref_table) + " (" +
                         ident_list(fk.ref_columns) + ")";
      if (fk.on_delete != ir::FkAction::NoAction)
        line += std::string(" on delete ") + std::string(ir::fk_action_name(fk.on_delete));
      if (fk.on_update != ir::FkAction::NoAction)
        line += std::string(" on update ") + std::string(ir::fk_action_name(fk.on_update));
      if (fk.deferrable) line += " deferrable";
      if (fk.initially_deferred) line += " initially deferred";
      out_.text += line + "\n";
      constraint_comment(fk.comment, "constraint " + fk.name + " on " + what);
    }
    for (const ir::Index& index : t.indexes) {
      doc(index.comment, "index " + index.name, "  ");
      out_.text += in + index_line(index) + "\n";
    }
    if (t.comment) out_.text += in + "comment " + dsl_string(*t.comment) + "\n";
    out_.text += indent_ + "}\n";
  }

  void view(const ir::View& v) {
    doc(v.comment, "view " + block_ + "." + v.name);
    std::string body(trim(v.body));
    while (!body.empty() && (body.front() == '\n' || body.front() == ' ')) body.erase(0, 1);
    while (!body.empty() && (body.back() == ';' || body.back() == '\n' || body.back() == ' '))
      body.pop_back();
    out_.text +=
        indent_ + (v.materialized ? "materialized view " : "view ") + dsl_ident(v.name) + " as (\n";
    std::string_view rest = body;
    while (true) {
      std::size_t nl = rest.find('\n');
      out_.text += indent_ + "  " + std::string(rest.substr(0, nl)) + "\n";
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
    out_.text += indent_ + ")\n";
  }

  const ir::Catalog& catalog_;
  const SchemaTextOptions& options_;
  SchemaText& out_;
  std::string block_;
  std::string indent_;
};

}  // namespace

std::string dsl_ident(const std::string& name) {
  std::string quoted = base::quote_ident(name);
  if (quoted.front() == '"') return quoted;
  bool keyword =
      std::find(kLanguageWords.begin(), kLanguageWords.end(), name) != kLanguageWords.end();
  return keyword ? "\"" + name + "\"" : quoted;
}

SchemaText schema_text(const ir::Catalog& catalog, const SchemaTextOptions& options,
                       const std::string* one_schema) {
  SchemaText out;
  Printer printer(catalog, options, out);
  if (!one_schema || *one_schema == options.default_schema) printer.extensions();
  bool first = true;
  for (const ir::Schema& schema : catalog.schemas) {
    if (one_schema && schema.name != *one_schema) continue;
    if (!first) out.text += "\n";
    first = false;
    printer.schema(schema);
  }
  return out;
}

}  // namespace schemac::emit
