// catalog/canonicalize_expr: canonicalize_expressions (see canonicalize.hpp).
// Every scratch statement runs inside one DO block, each in its own
// BEGIN ... EXCEPTION block (a savepoint), so one refused expression spoils
// nothing else and the DDL costs one round trip; one query reads everything
// back. A refusal of the temporary table itself for want of rights or on a
// read-only server is kept in the transaction-local setting schemac.refused
// and comes back with the rows.
#include <map>
#include <set>
#include <tuple>

#include "base/quote.hpp"
#include "catalog/canonicalize.hpp"
#include "catalog/connection_impl.hpp"
#include "catalog/queries.hpp"
#include "catalog/scratch_block.hpp"
#include "catalog/url.hpp"
#include "ir/normalize.hpp"
#include "ir/sql_lexer.hpp"

namespace schemac::catalog {
namespace {

using Renames = std::map<std::string, std::string>;  // old column name -> desired name

// Slot is one desired expression to compare through the database.
struct Slot {
  std::string* text;  // the desired text, rewritten when PostgreSQL's equals a current one
  // The current side's texts it may equal, renamed columns under their new
  // names: one, or for an object whose name changed without a hint (an implicit
  // name that followed a renamed table or column) those of every unmatched one.
  std::vector<std::string> current;
  bool with_texts;   // normalized with the table's text columns (all but defaults)
  std::string kind;  // as kScratchExpressions reports it
  std::string name;  // column, constraint or index on the scratch table
  int ord = 0;       // key position of an index expression
};

// Scratch is one temporary copy of a current table and what is created on it.
struct Scratch {
  std::string name;
  std::vector<std::string> texts;  // the desired table's text columns
  // plpgsql string expressions giving each statement's text, for EXECUTE;
  // the first creates the table.
  std::vector<std::string> statements;
  std::vector<Slot> slots;
};

// rename_columns renames columns in expression text as diff's rename hints do
// (diff_rename.cpp): a name before '(' is a function, after '.' or '::' a field
// or a type.
std::string rename_columns(const std::string& expr, const Renames& renames) {
  if (renames.empty()) return expr;
  std::vector<ir::SqlToken> tokens = ir::lex_sql(expr);
  bool changed = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!ir::is_name(tokens[i])) continue;
    auto found = renames.find(tokens[i].text);
    if (found == renames.end()) continue;
    if (i + 1 < tokens.size() && ir::is_punct(tokens[i + 1], "(")) continue;
    if (i > 0 && (ir::is_punct(tokens[i - 1], ".") || ir::is_punct(tokens[i - 1], "::"))) continue;
    tokens[i] = {ir::SqlTokenKind::QuotedIdent, found->second};
    changed = true;
  }
  return changed ? ir::print_tokens(tokens) : expr;
}

// mentions: whether the text names any of `columns` (conservatively: any name
// token, wherever it stands).
bool mentions(const std::string& expr, const std::set<std::string>& columns) {
  if (columns.empty()) return false;
  for (const ir::SqlToken& token : ir::lex_sql(expr))
    if (ir::is_name(token) && columns.count(token.text)) return true;
  return false;
}

// The columns whose implicit cast to text normalize_expr drops (as ir::normalize does).
std::vector<std::string> text_columns(const ir::Table& table) {
  std::vector<std::string> names;
  for (const ir::Column& column : table.columns) {
    ir::TypeRef type = column.type;
    ir::normalize_type(type);
    if (type.schema.empty() && !type.is_array &&
        (type.name == "text" || type.name == "character varying"))
      names.push_back(column.name);
  }
  return names;
}

// counterparts: the current item of the same name, or the one the hint names;
// failing both, every current item that no desired item claims (diff matches
// such an item by content and renames it).
template <typename T>
std::vector<const T*> counterparts(const std::vector<T>& have, const std::vector<T>& wanted,
                                   const T& want) {
  const auto named = [&](const std::string& name) -> const T* {
    for (const T& item : have)
      if (item.name == name) return &item;
    return nullptr;
  };
  if (const T* same = named(want.name)) return {same};
  if (want.provenance.renamed_from) {
    const T* hinted = named(*want.provenance.renamed_from);
    return hinted ? std::vector<const T*>{hinted} : std::vector<const T*>{};
  }
  std::vector<const T*> out;
  for (const T& item : have) {
    bool claimed = false;
    for (const T& other : wanted)
      claimed |= other.name == item.name || other.provenance.renamed_from == item.name;
    if (!claimed) out.push_back(&item);
  }
  return out;
}

// TableScan collects the slots of one desired table against its current one.
class TableScan {
 public:
  TableScan(const ir::QualifiedName& source, const ir::Table& have, ir::Table& want,
            Scratch& scratch)
      : have_(have), want_(want), scratch_(scratch) {
    scratch_.texts = text_columns(want);
    for (const ir::Column& column : want.columns) {
      const ir::Column* old = ir::find_column(have, column.name);
      if (!old && column.provenance.renamed_from) {
        old = ir::find_column(have, *column.provenance.renamed_from);
        if (old) renames_[old->name] = column.name;
      }
      if (!old) continue;
      ir::TypeRef from = old->type, to = column.type;
      ir::normalize_type(from);
      ir::normalize_type(to);
      if (from != to || old->collation != column.collation) changed_.insert(column.name);
    }
    table_ = "pg_temp." + base::quote_ident(scratch_.name);
    add_statement("CREATE TEMPORARY TABLE " + base::quote_ident(scratch_.name) + " (LIKE " +
                  base::quote_qualified(source.schema, source.name) + ")");
    for (const auto& [from, to] : renames_)
      add_statement("ALTER TABLE " + table_ + " RENAME COLUMN " + base::quote_ident(from) + " TO " +
                    base::quote_ident(to));
  }

  void scan() {
    for (ir::Column& column : want_.columns) scan_column(column);
    for (ir::CheckConstraint& check : want_.checks) {
      std::vector<std::string> olds;
      for (const ir::CheckConstraint* old : counterparts(have_.checks, want_.checks, check))
        olds.push_back(old->expr);
      if (!differs(check.expr, olds, true)) continue;
      const std::string name = "schemac_check_" + std::to_string(++objects_);
      if (add_slot(check.expr, olds, true, "check", name, 0))
        add_statement("ALTER TABLE " + table_ + " ADD CONSTRAINT " + name + " CHECK (" +
                      check.expr + ") NOT VALID");
    }
    for (ir::Index& index : want_.indexes) scan_index(index);
  }

 private:
  // differs: there are current texts and the normalizer finds none equal.
  bool differs(const std::string& want, const std::vector<std::string>& haves,
               bool with_texts) const {
    const std::vector<std::string> none;
    const std::vector<std::string>& texts = with_texts ? scratch_.texts : none;
    const std::string mine = ir::normalize_expr(want, texts);
    for (const std::string& have : haves)
      if (mine == ir::normalize_expr(rename_columns(have, renames_), texts)) return false;
    return !haves.empty();
  }

  // add_slot records a slot unless its text names a column whose type changes.
  bool add_slot(std::string& text, const std::vector<std::string>& haves, bool with_texts,
                std::string kind, std::string name, int ord) {
    if (mentions(text, changed_)) return false;
    Slot slot{&text, {}, with_texts, std::move(kind), std::move(name), ord};
    for (const std::string& have : haves) slot.current.push_back(rename_columns(have, renames_));
    scratch_.slots.push_back(std::move(slot));
    return true;
  }

  void add_statement(const std::string& sql) {
    scratch_.statements.push_back(base::quote_literal(sql));
  }

  const ir::Column* old_column(const ir::Column& column) const {
    for (const auto& [from, to] : renames_)
      if (to == column.name) return ir::find_column(have_, from);
    return ir::find_column(have_, column.name);
  }

  void scan_column(ir::Column& column) {
    const ir::Column* old = old_column(column);
    if (!old || changed_.count(column.name)) return;
    if (column.default_expr && old->default_expr &&
        differs(*column.default_expr, {*old->default_expr}, false)) {
      if (add_slot(*column.default_expr, {*old->default_expr}, false, "default", column.name, 0))
        add_statement("ALTER TABLE " + table_ + " ALTER COLUMN " + base::quote_ident(column.name) +
                      " SET DEFAULT " + *column.default_expr);
    }
    if (column.generated_expr && old->generated_expr &&
        differs(*column.generated_expr, {*old->generated_expr}, true)) {
      // PostgreSQL 15 cannot make a column generated: add one of the same type
      // (the copy's column is a plain one: LIKE copies no generation expression).
      const std::string name = "schemac_generated_" + std::to_string(++objects_);
      const std::string type =
          "(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute "
          "a WHERE a.attrelid = " +
          base::quote_literal(table_) +
          "::pg_catalog.regclass AND a.attname = " + base::quote_literal(column.name) + ")";
      if (add_slot(*column.generated_expr, {*old->generated_expr}, true, "default", name, 0))
        scratch_.statements.push_back(
            base::quote_literal("ALTER TABLE " + table_ + " ADD COLUMN " + name + " ") + " || " +
            type + " || " +
            base::quote_literal(" GENERATED ALWAYS AS (" + *column.generated_expr + ") STORED"));
    }
  }

  void scan_index(ir::Index& index) {
    const std::vector<const ir::Index*> olds = counterparts(have_.indexes, want_.indexes, index);
    if (olds.empty()) return;
    const std::string name = scratch_.name + "_i" + std::to_string(++objects_);
    bool any = false;
    for (std::size_t k = 0; k < index.elements.size(); ++k) {
      ir::IndexElement& element = index.elements[k];
      std::vector<std::string> was;
      for (const ir::Index* old : olds)
        if (k < old->elements.size() && old->elements[k].expr)
          was.push_back(*old->elements[k].expr);
      if (element.expr && differs(*element.expr, was, true))
        any |= add_slot(*element.expr, was, true, "index", name, static_cast<int>(k + 1));
    }
    std::vector<std::string> wheres;
    for (const ir::Index* old : olds)
      if (old->where) wheres.push_back(*old->where);
    bool where = index.where && differs(*index.where, wheres, true) &&
                 add_slot(*index.where, wheres, true, "where", name, 0);
    if (!any && !where) return;
    std::string keys;
    for (const ir::IndexElement& element : index.elements) {
      if (!keys.empty()) keys += ", ";
      keys += element.expr ? "(" + *element.expr + ")" : base::quote_ident(element.column);
      if (element.opclass) keys += " " + base::quote_ident(*element.opclass);
    }
    // The predicate only when compared: the keys alone may be created.
    add_statement("CREATE INDEX " + base::quote_ident(name) + " ON " + table_ + " USING " +
                  base::quote_ident(index.method) + " (" + keys + ")" +
                  (where ? " WHERE (" + *index.where + ")" : ""));
  }

  const ir::Table& have_;
  ir::Table& want_;
  Scratch& scratch_;
  std::string table_;
  Renames renames_;
  std::set<std::string> changed_;  // desired names of columns whose type or collation changes
  int objects_ = 0;
};

const ir::Table* current_table(const ir::NameIndex<const ir::Table>& current,
                               const ir::Table& want) {
  if (const ir::Table* same = current.find(want.name)) return same;
  if (!want.provenance.renamed_from) return nullptr;
  return current.find(*want.provenance.renamed_from);
}

// do_block: every scratch statement in one DO statement (scratch_block.hpp);
// the first statement of each table creates it, so its refusal says why.
std::string do_block(const std::vector<Scratch>& scratches) {
  std::vector<ScratchStatement> statements;
  for (const Scratch& scratch : scratches)
    for (std::size_t i = 0; i < scratch.statements.size(); ++i)
      statements.push_back({scratch.statements[i], i == 0});
  return scratch_block(statements);
}

using Key = std::tuple<std::string, std::string, std::string, int>;  // table, kind, name, ord

// run creates the scratch objects and reads them back; throws what pqxx throws.
// Returns PostgreSQL's text per key; sets `refused` when nothing could be made.
std::map<Key, std::string> run(pqxx::connection& conn, const std::vector<Scratch>& scratches,
                               std::string& refused, int& queries) {
  std::map<Key, std::string> out;
  pqxx::work tx(conn, "schemac_canonicalize_expressions");
  ++queries;
  tx.exec(std::string(kSetSearchPath) +
          "; SET LOCAL lock_timeout = '5s'; SET LOCAL statement_timeout = '30s'");
  try {
    ++queries;
    tx.exec(do_block(scratches));
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const pqxx::sql_error& e) {
    // No plpgsql, or DO itself refused: nothing to compare with.
    refused = one_line(e.what());
    tx.abort();
    return out;
  }
  ++queries;
  const pqxx::result rows = tx.exec(std::string(queries::kScratchExpressions));
  tx.abort();
  for (const pqxx::row& row : rows) {
    const std::string kind = row["kind"].c_str();
    if (row["expr"].is_null()) continue;
    if (kind == "refused") {
      refused = row["expr"].c_str();
      continue;
    }
    out.emplace(Key{row["relname"].c_str(), kind, row["name"].c_str(), row["ord"].as<int>()},
                row["expr"].c_str());
  }
  return out;
}

}  // namespace

bool canonicalize_expressions(Connection& conn, const ir::Catalog& current, ir::Catalog& desired,
                              base::Diagnostics& diags, ExpressionStats* stats) {
  std::vector<Scratch> scratches;
  for (ir::Schema& schema : desired.schemas) {
    const ir::Schema* have_schema = ir::find_schema(current, schema.name);
    if (!have_schema) continue;
    const ir::NameIndex<const ir::Table> have_tables(have_schema->tables);
    for (ir::Table& want : schema.tables) {
      const ir::Table* have = current_table(have_tables, want);
      if (!have) continue;
      Scratch scratch;
      scratch.name = "schemac_expr_" + std::to_string(scratches.size());
      TableScan(ir::QualifiedName{schema.name, have->name}, *have, want, scratch).scan();
      if (!scratch.slots.empty()) scratches.push_back(std::move(scratch));
    }
  }
  ExpressionStats local;
  ExpressionStats& counts = stats ? *stats : local;
  counts = {};
  for (const Scratch& scratch : scratches)
    counts.candidates += static_cast<int>(scratch.slots.size());
  if (scratches.empty()) return true;
  Connection::Impl& impl = conn.impl();
  std::string problem, refused;
  try {
    const std::map<Key, std::string> printed = run(*impl.conn, scratches, refused, counts.queries);
    for (const Scratch& scratch : scratches) {
      for (const Slot& slot : scratch.slots) {
        auto found = printed.find(Key{scratch.name, slot.kind, slot.name, slot.ord});
        if (found == printed.end()) continue;  // refused: keeps its text
        const std::vector<std::string> none;
        const std::vector<std::string>& texts = slot.with_texts ? scratch.texts : none;
        const std::string printed_form = ir::normalize_expr(found->second, texts);
        bool equal = false;
        for (const std::string& have : slot.current)
          equal |= printed_form == ir::normalize_expr(have, texts);
        if (!equal) continue;  // a genuine change: planned and applied as written
        *slot.text = found->second;
        ++counts.rewritten;
      }
    }
    if (!refused.empty()) {
      diags.warning(base::DiagKind::ExpressionsComparedAsWritten, std::nullopt,
                    "checks, defaults and index expressions are compared by schemac's own "
                    "normaliser, so unchanged ones may show as changed: cannot create temporary "
                    "tables on " +
                        impl.redacted_url + ": " + redact_secrets(refused, impl.url));
    }
    return true;
  } catch (const std::exception& e) {
    problem = error_text(e);
  }
  diags.error(base::DiagKind::DatabaseQueryFailed, std::nullopt,
              "cannot compare checks, defaults and index expressions on " + impl.redacted_url +
                  ": " + redact_secrets(problem, impl.url));
  return false;
}

}  // namespace schemac::catalog
