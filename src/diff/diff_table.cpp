// Tables: columns become the actions of one AlterTable; constraints and indexes
// are matched by name and, when changed, dropped and added again.
#include <algorithm>

#include "diff/internal.hpp"

namespace schemac::diff::detail {
namespace {

bool in_primary_key(const std::optional<ir::PrimaryKey>& key, const std::string& column) {
  return key && std::find(key->columns.begin(), key->columns.end(), column) != key->columns.end();
}

// PostgreSQL marks primary-key and identity columns NOT NULL whether or not the
// schema says so; comparing the declared flag would plan a DROP NOT NULL that fails.
bool effective_not_null(const ir::Column& column, const std::optional<ir::PrimaryKey>& key) {
  return column.not_null || column.identity != ir::IdentityKind::None ||
         in_primary_key(key, column.name);
}

TypeConversion conversion_for(const ir::TypeRef& from, const ir::TypeRef& to) {
  if (!from.geo || !to.geo || from.name != to.name || from.geo->srid == to.geo->srid)
    return TypeConversion::Cast;
  return from.geo->srid == 0 ? TypeConversion::SetSrid : TypeConversion::Transform;
}

void type_actions(const ir::Column& from, const ir::Column& to, const std::string& gis_schema,
                  std::vector<ColumnAction>& actions) {
  bool type_changed = from.type != to.type || from.collation != to.collation;
  // A default of the old type may not cast to a new kind of type (an enum
  // literal, text -> integer): drop it before the type change, set it after.
  bool reset_default = type_changed && from.default_expr &&
                       (from.type.name != to.type.name || from.type.schema != to.type.schema);
  if (reset_default) actions.push_back(DropColumnDefault{to.name});
  if (type_changed) {
    actions.push_back(AlterColumnType{to.name, from.type, to.type, to.collation,
                                      conversion_for(from.type, to.type), gis_schema});
  }
  if (reset_default) {
    if (to.default_expr) actions.push_back(SetColumnDefault{to.name, *to.default_expr});
  } else if (from.default_expr != to.default_expr) {
    if (to.default_expr) {
      actions.push_back(SetColumnDefault{to.name, *to.default_expr});
    } else {
      actions.push_back(DropColumnDefault{to.name});
    }
  }
}

void column_actions(const ir::Table& from_table, const ir::Table& to_table, const ir::Column& from,
                    const ir::Column& to, const std::string& gis_schema,
                    std::vector<ColumnAction>& actions) {
  if (from.generated_expr && !to.generated_expr) {
    // The column keeps its values and becomes a plain column.
    actions.push_back(DropExpression{to.name});
  } else if (from.generated_expr != to.generated_expr) {
    // PostgreSQL 15 cannot set a generation expression in place (17 can); the
    // column is recreated, at the end of the table.
    actions.push_back(DropColumn{from});
    actions.push_back(AddColumn{to});
    return;
  }
  type_actions(from, to, gis_schema, actions);
  bool was_not_null = effective_not_null(from, from_table.primary_key);
  bool is_not_null = effective_not_null(to, to_table.primary_key);
  // Identity requires NOT NULL first, so nullability comes before identity.
  if (!was_not_null && is_not_null) actions.push_back(SetNotNull{to.name});
  if (from.identity != to.identity)
    actions.push_back(SetIdentity{to.name, from.identity, to.identity});
  if (was_not_null && !is_not_null) actions.push_back(DropNotNull{to.name});
}

std::vector<ColumnAction> table_column_actions(const ir::Table& from, const ir::Table& to,
                                               const std::string& gis_schema) {
  std::vector<ColumnAction> actions;
  for (const ir::Column& c : from.columns)
    if (!ir::find_column(to, c.name)) actions.push_back(DropColumn{c});
  for (const ir::Column& c : to.columns) {
    const ir::Column* old = ir::find_column(from, c.name);
    if (old) {
      column_actions(from, to, *old, c, gis_schema, actions);
    } else {
      actions.push_back(AddColumn{c});
    }
  }
  return actions;
}

template <typename T>
T without_comment(T item) {
  item.comment.reset();
  return item;
}

template <typename T>
const T* find_named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.name == name; });
  return it == items.end() ? nullptr : &*it;
}

// anonymous strips what a rename keeps: the name and the comment.
template <typename T>
T anonymous(T item) {
  item.name.clear();
  item.comment.reset();
  return item;
}

// Matches constraints or indexes by name: a changed one is dropped and added
// again; a comment-only change is a SetComment. An item that only changed its
// name (an implicit name that followed a table or column rename) is renamed:
// it holds no data, but dropping it may be refused (a primary key or unique
// constraint that foreign keys depend on) and re-adding it scans the table.
template <typename Add, typename Drop, typename Rename, typename T>
void diff_named(const QualifiedName& table, const std::vector<T>& from, const std::vector<T>& to,
                CommentTarget target, std::vector<Change>& out) {
  std::vector<const T*> gone;
  for (const T& old : from)
    if (!find_named(to, old.name)) gone.push_back(&old);
  for (const T& item : to) {
    const T* old = find_named(from, item.name);
    if (!old) {
      auto same = std::find_if(gone.begin(), gone.end(),
                               [&](const T* g) { return anonymous(*g) == anonymous(item); });
      if (same != gone.end()) {
        out.push_back(Rename{table, (*same)->name, item.name});
        diff_comment(target, table, item.name, (*same)->comment, item.comment, out);
        gone.erase(same);
        continue;
      }
    }
    // Most items are unchanged: compare them whole before copying any.
    if (old && (*old == item || without_comment(*old) == without_comment(item))) {
      diff_comment(target, table, item.name, old->comment, item.comment, out);
      continue;
    }
    if (old) out.push_back(Drop{table, *old});
    out.push_back(Add{table, item});
    diff_comment(target, table, item.name, std::nullopt, item.comment, out);
  }
  for (const T* old : gone) out.push_back(Drop{table, *old});
}

void diff_primary_key(const QualifiedName& name, const std::optional<ir::PrimaryKey>& from,
                      const std::optional<ir::PrimaryKey>& to, std::vector<Change>& out) {
  if (from == to) return;
  if (from && to && from->columns == to->columns) {
    out.push_back(RenameConstraint{name, from->name, to->name});
    return;
  }
  if (from) out.push_back(DropPrimaryKey{name, *from});
  if (to) out.push_back(AddPrimaryKey{name, *to});
}

void diff_columns_comments(const QualifiedName& name, const ir::Table* from, const ir::Table& to,
                           std::vector<Change>& out) {
  for (const ir::Column& c : to.columns) {
    const ir::Column* old = from ? ir::find_column(*from, c.name) : nullptr;
    // A recreated (generated) column loses its comment.
    bool recreated = old && old->generated_expr != c.generated_expr;
    diff_comment(CommentTarget::Column, name, c.name,
                 old && !recreated ? old->comment : std::nullopt, c.comment, out);
  }
}

}  // namespace

void create_table(const QualifiedName& name, const ir::Table& table, std::vector<Change>& out) {
  ir::Table created = table;
  created.indexes.clear();
  out.push_back(CreateTable{name, std::move(created)});
  diff_comment(CommentTarget::Table, name, "", std::nullopt, table.comment, out);
  diff_columns_comments(name, nullptr, table, out);
  for (const ir::UniqueConstraint& u : table.uniques)
    diff_comment(CommentTarget::Constraint, name, u.name, std::nullopt, u.comment, out);
  for (const ir::CheckConstraint& c : table.checks)
    diff_comment(CommentTarget::Constraint, name, c.name, std::nullopt, c.comment, out);
  for (const ir::ForeignKey& fk : table.foreign_keys)
    diff_comment(CommentTarget::Constraint, name, fk.name, std::nullopt, fk.comment, out);
  for (const ir::Index& index : table.indexes) {
    out.push_back(CreateIndex{name, index});
    diff_comment(CommentTarget::Index, name, index.name, std::nullopt, index.comment, out);
  }
}

void alter_table(const QualifiedName& name, const ir::Table& from, const ir::Table& to,
                 const std::string& postgis_schema, std::vector<Change>& out) {
  // Equal tables need no change, and most tables of a large catalog are equal:
  // one comparison, without the copies the item-by-item diff makes.
  if (from == to) return;
  std::vector<ColumnAction> actions = table_column_actions(from, to, postgis_schema);
  if (!actions.empty()) out.push_back(AlterTable{name, std::move(actions)});
  diff_primary_key(name, from.primary_key, to.primary_key, out);
  diff_named<AddUnique, DropUnique, RenameConstraint>(name, from.uniques, to.uniques,
                                                      CommentTarget::Constraint, out);
  diff_named<AddCheck, DropCheck, RenameConstraint>(name, from.checks, to.checks,
                                                    CommentTarget::Constraint, out);
  diff_named<AddForeignKey, DropForeignKey, RenameConstraint>(
      name, from.foreign_keys, to.foreign_keys, CommentTarget::Constraint, out);
  diff_named<CreateIndex, DropIndex, RenameIndex>(name, from.indexes, to.indexes,
                                                  CommentTarget::Index, out);
  diff_comment(CommentTarget::Table, name, "", from.comment, to.comment, out);
  diff_columns_comments(name, &from, to, out);
}

}  // namespace schemac::diff::detail
