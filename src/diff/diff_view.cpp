// Views. A view whose query changed is replaced in place (CREATE OR REPLACE
// VIEW) when PostgreSQL allows it: a plain view whose old columns are kept, in
// order, with the same names and types, new ones appended. Anything else is a
// drop and a create; so is every view that reads a dropped table, a dropped or
// retyped column (PostgreSQL refuses ALTER COLUMN TYPE under a view), or a view
// that is itself dropped or rebuilt.
#include <map>
#include <set>

#include "diff/internal.hpp"

namespace schemac::diff::detail {
namespace {

using ColumnRef = std::pair<QualifiedName, std::string>;

struct ViewPair {
  const ir::View* have = nullptr;
  const ir::View* want = nullptr;
};

// What the table changes already in `out` take away from the views reading them.
struct Broken {
  std::set<QualifiedName> relations;
  std::set<ColumnRef> columns;
  bool reads(const ir::View& view) const {
    for (const QualifiedName& r : view.facts.relations)
      if (relations.count(r)) return true;
    for (const ColumnRef& c : view.facts.reads)
      if (columns.count(c)) return true;
    return false;
  }
};

Broken broken_by(const std::vector<Change>& out) {
  Broken broken;
  for (const Change& change : out) {
    if (const auto* drop = std::get_if<DropTable>(&change)) broken.relations.insert(drop->name);
    const auto* alter = std::get_if<AlterTable>(&change);
    if (!alter) continue;
    for (const ColumnAction& action : alter->actions) {
      if (const auto* d = std::get_if<DropColumn>(&action))
        broken.columns.insert({alter->table, d->column.name});
      if (const auto* t = std::get_if<AlterColumnType>(&action))
        broken.columns.insert({alter->table, t->column});
    }
  }
  return broken;
}

// CREATE OR REPLACE VIEW keeps the old columns and may only append new ones;
// judged only when the database described both queries.
bool replaceable(const ir::View& have, const ir::View& want) {
  if (have.materialized || want.materialized || !have.facts.known || !want.facts.known)
    return false;
  const auto& old_columns = have.facts.columns;
  const auto& new_columns = want.facts.columns;
  return old_columns.size() <= new_columns.size() &&
         std::equal(old_columns.begin(), old_columns.end(), new_columns.begin());
}

CommentTarget comment_target(const ir::View& view) {
  return view.materialized ? CommentTarget::MaterializedView : CommentTarget::View;
}

}  // namespace

void diff_views(const ir::Catalog& current, const ir::Catalog& desired, const Scope& scope,
                std::vector<Change>& out) {
  std::map<QualifiedName, ViewPair> views;
  for (const ir::Catalog* catalog : {&current, &desired})
    for (const ir::Schema& schema : catalog->schemas) {
      if (!scope.contains(schema.name)) continue;
      for (const ir::View& view : schema.views) {
        ViewPair& pair = views[{schema.name, view.name}];
        (catalog == &current ? pair.have : pair.want) = &view;
      }
    }
  const Broken broken = broken_by(out);
  std::set<QualifiedName> dropped;  // dropped for good, or to be created again
  for (const auto& [name, pair] : views) {
    if (!pair.have) continue;
    const ir::View& have = *pair.have;
    bool rebuild = !pair.want || broken.reads(have) ||
                   have.materialized != pair.want->materialized ||
                   (have.body != pair.want->body && !replaceable(have, *pair.want));
    if (rebuild) dropped.insert(name);
  }
  // A view reading a view that goes must go first (and come back if wanted).
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [name, pair] : views) {
      if (!pair.have || dropped.count(name)) continue;
      for (const QualifiedName& r : pair.have->facts.relations)
        if (dropped.count(r)) {
          dropped.insert(name);
          grew = true;
          break;
        }
    }
  }
  for (const auto& [name, pair] : views) {
    const ir::View* have = pair.have;
    const ir::View* want = pair.want;
    bool gone = dropped.count(name) > 0;
    if (have && gone) out.push_back(DropView{name, *have, want != nullptr});
    if (!want) continue;
    if (!have || gone) {
      out.push_back(CreateView{name, *want, have != nullptr});
      diff_comment(comment_target(*want), name, "", std::nullopt, want->comment, out);
      continue;
    }
    if (have->body != want->body) out.push_back(ReplaceView{name, *want});
    diff_comment(comment_target(*want), name, "", have->comment, want->comment, out);
  }
}

void rename_views(ir::Catalog& current, const ir::Catalog& desired, const Scope& scope,
                  std::vector<Change>& out, base::Diagnostics& diags) {
  auto find = [&](const QualifiedName& name) -> ir::View* {
    ir::Schema* schema = ir::find_schema(current, name.schema);
    if (!schema) return nullptr;
    for (ir::View& v : schema->views)
      if (v.name == name.name) return &v;
    return nullptr;
  };
  for (const ir::Schema& schema : desired.schemas) {
    if (!scope.contains(schema.name)) continue;
    for (const ir::View& want : schema.views) {
      if (!want.provenance.renamed_from) continue;
      QualifiedName old_name{schema.name, *want.provenance.renamed_from};
      QualifiedName new_name{schema.name, want.name};
      ir::View* old_view = find(old_name);
      if (!check_rename_hint(old_view != nullptr, find(new_name) != nullptr, "view",
                             display(old_name), display(new_name), want.provenance, diags))
        continue;
      out.push_back(RenameView{old_name, want.name, old_view->materialized});
      old_view->name = want.name;
      for (ir::Schema& s : current.schemas)
        for (ir::View& v : s.views)
          for (QualifiedName& r : v.facts.relations)
            if (r == old_name) r = new_name;
    }
  }
}

}  // namespace schemac::diff::detail
