// diff/written: changes carry the expressions as the schema files (or an
// inspected database) wrote them, not their normalised comparison text. The
// normaliser may drop a cast or parentheses that PostgreSQL would read
// differently when parsing again, so only the written text is safe to run.
#include <algorithm>

#include "diff/diff.hpp"

namespace schemac::diff {
namespace {

template <typename T>
const T* named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.name == name; });
  return it == items.end() ? nullptr : &*it;
}

const ir::Table* written_table(const ir::Catalog& written, const QualifiedName& name) {
  return ir::find_table(written, name);
}

void restore(std::optional<std::string>& expr, const std::optional<std::string>& original) {
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

void restore_written(ChangeSet& changes, const ir::Catalog& written) {
  for (Change& change : changes.changes) {
    if (auto* c = std::get_if<CreateTable>(&change)) {
      const ir::Table* table = written_table(written, c->name);
      for (ir::Column& column : c->table.columns) restore_column(column, table);
      for (ir::CheckConstraint& check : c->table.checks)
        restore_check(check, table ? &table->checks : nullptr);
    } else if (auto* a = std::get_if<AlterTable>(&change)) {
      const ir::Table* table = written_table(written, a->table);
      for (ColumnAction& action : a->actions) {
        if (auto* add = std::get_if<AddColumn>(&action)) restore_column(add->column, table);
        if (auto* set = std::get_if<SetColumnDefault>(&action)) {
          const ir::Column* original = table ? ir::find_column(*table, set->column) : nullptr;
          if (original && original->default_expr) set->expr = *original->default_expr;
        }
      }
    } else if (auto* check = std::get_if<AddCheck>(&change)) {
      const ir::Table* table = written_table(written, check->table);
      restore_check(check->constraint, table ? &table->checks : nullptr);
    } else if (auto* index = std::get_if<CreateIndex>(&change)) {
      restore_index(index->index, written_table(written, index->table));
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
