// diff/written: changes carry the expressions as the schema files (or an
// inspected database) wrote them, not their normalised comparison text. The
// normaliser may drop a cast or parentheses that PostgreSQL would read
// differently when parsing again, so only the written text is safe to run.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "diff/diff.hpp"

namespace schemac::diff {
namespace {

template <typename T>
const T* named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.name == name; });
  return it == items.end() ? nullptr : &*it;
}

// WrittenTables finds the tables of `written` by name in constant time:
// restore_written looks one up per change, and a linear find_table each
// time would scan every table of the catalog.
class WrittenTables {
 public:
  explicit WrittenTables(const ir::Catalog& written) {
    for (const ir::Schema& schema : written.schemas) schemas_.emplace(schema.name, schema.tables);
  }
  const ir::Table* find(const QualifiedName& name) const {
    auto schema = schemas_.find(name.schema);
    return schema == schemas_.end() ? nullptr : schema->second.find(name.name);
  }

 private:
  std::unordered_map<std::string_view, ir::NameIndex<const ir::Table>> schemas_;
};

bool has_expression(const ir::Index& index) {
  return index.where || std::any_of(index.elements.begin(), index.elements.end(),
                                    [](const ir::IndexElement& e) { return e.expr.has_value(); });
}

// slim_table keeps of `table` what restore_column, restore_check and
// restore_index read: the columns with an expression, every check, the
// indexes with an expression key or a predicate (all their elements, as
// restore_index matches them by position).
ir::Table slim_table(const ir::Table& table) {
  ir::Table kept;
  kept.name = table.name;
  // Sized to what is kept (a column is 288 bytes; most have no expression).
  kept.columns.reserve(
      std::count_if(table.columns.begin(), table.columns.end(),
                    [](const ir::Column& c) { return c.default_expr || c.generated_expr; }));
  kept.checks.reserve(table.checks.size());
  for (const ir::Column& column : table.columns) {
    if (!column.default_expr && !column.generated_expr) continue;
    ir::Column& c = kept.columns.emplace_back();
    c.name = column.name;
    c.default_expr = column.default_expr;
    c.generated_expr = column.generated_expr;
  }
  for (const ir::CheckConstraint& check : table.checks) {
    ir::CheckConstraint& c = kept.checks.emplace_back();
    c.name = check.name;
    c.expr = check.expr;
  }
  for (const ir::Index& index : table.indexes) {
    if (!has_expression(index)) continue;
    ir::Index& i = kept.indexes.emplace_back();
    i.name = index.name;
    i.where = index.where;
    for (const ir::IndexElement& element : index.elements)
      i.elements.emplace_back().expr = element.expr;
  }
  return kept;
}

// restore: an expression that may be absent (std::optional or base::Boxed).
template <typename Optional>
void restore(Optional& expr, const Optional& original) {
  if (expr && original) expr = original;
}

void restore_column(ir::Column& column, const ir::Table* table) {
  const ir::Column* original = table ? ir::find_column(*table, column.name) : nullptr;
  if (!original) return;
  restore(column.default_expr, original->default_expr);
  restore(column.generated_expr, original->generated_expr);
}

void restore_check(ir::CheckConstraint& check, const std::vector<ir::CheckConstraint>* originals) {
  if (!originals) return;
  if (const ir::CheckConstraint* original = named(*originals, check.name))
    check.expr = original->expr;
}

void restore_index(ir::Index& index, const ir::Table* table) {
  const ir::Index* original = table ? named(table->indexes, index.name) : nullptr;
  if (!original || original->elements.size() != index.elements.size()) return;
  for (std::size_t i = 0; i < index.elements.size(); ++i)
    restore(index.elements[i].expr, original->elements[i].expr);
  restore(index.where, original->where);
}

}  // namespace

ir::Catalog written_texts(const ir::Catalog& catalog) {
  ir::Catalog kept;
  kept.schemas.reserve(catalog.schemas.size());
  for (const ir::Schema& schema : catalog.schemas) {
    ir::Schema& s = kept.schemas.emplace_back();
    s.name = schema.name;
    s.tables.reserve(schema.tables.size());
    for (const ir::Table& table : schema.tables) s.tables.push_back(slim_table(table));
    for (const ir::Domain& domain : schema.domains) {
      ir::Domain& d = s.domains.emplace_back();
      d.name = domain.name;
      d.default_expr = domain.default_expr;
      d.checks = domain.checks;
    }
  }
  return kept;
}

void restore_written(ChangeSet& changes, const ir::Catalog& written) {
  if (changes.changes.empty()) return;
  const WrittenTables tables(written);
  const auto written_table = [&](const QualifiedName& name) { return tables.find(name); };
  for (Change& change : changes.changes) {
    if (auto* c = std::get_if<CreateTable>(&change)) {
      const ir::Table* table = written_table(c->name);
      for (ir::Column& column : c->table.columns) restore_column(column, table);
      for (ir::CheckConstraint& check : c->table.checks)
        restore_check(check, table ? &table->checks : nullptr);
    } else if (auto* a = std::get_if<AlterTable>(&change)) {
      const ir::Table* table = written_table(a->table);
      for (ColumnAction& action : a->actions) {
        if (auto* add = std::get_if<AddColumn>(&action)) restore_column(add->column, table);
        if (auto* set = std::get_if<SetColumnDefault>(&action)) {
          const ir::Column* original = table ? ir::find_column(*table, set->column) : nullptr;
          if (original && original->default_expr) set->expr = *original->default_expr;
        }
      }
    } else if (auto* check = std::get_if<AddCheck>(&change)) {
      const ir::Table* table = written_table(check->table);
      restore_check(check->constraint, table ? &table->checks : nullptr);
    } else if (auto* index = std::get_if<CreateIndex>(&change)) {
      restore_index(index->index, written_table(index->table));
    } else if (auto* domain = std::get_if<CreateDomain>(&change)) {
      const ir::Domain* original = ir::find_domain(written, domain->name);
      if (!original) continue;
      restore(domain->domain.default_expr, original->default_expr);
      for (ir::CheckConstraint& c : domain->domain.checks) restore_check(c, &original->checks);
    } else if (auto* alter = std::get_if<AlterDomain>(&change)) {
      const ir::Domain* original = ir::find_domain(written, alter->name);
      if (!original) continue;
      if (auto* set = std::get_if<SetDomainDefault>(&alter->action))
        restore(set->expr, original->default_expr);
      if (auto* add = std::get_if<AddDomainCheck>(&alter->action))
        restore_check(add->check, &original->checks);
    }
  }
}

}  // namespace schemac::diff
