// The online pass: see online.hpp for the rewrites and why each unit after the
// main transaction can be finished by running apply again.
#include "plan/online.hpp"

#include <optional>
#include <set>
#include <utility>

#include "base/quote.hpp"
#include "plan/describe.hpp"

namespace schemac::plan {
namespace {

using namespace diff;

std::string qn(const QualifiedName& name) {
  return base::quote_qualified(name.schema, name.name);
}

/// The steps of the rewritten plan, by the unit they will run in.
struct Parts {
  std::vector<Step> main;
  std::vector<Step> indexes;                 // one unit each, outside any transaction
  std::vector<Step> comments;                // comments on those indexes: one unit after them
  std::vector<Step> attaches;                // keys made from those indexes, with their comments
  std::vector<Step> validates;               // one unit each
  std::vector<std::vector<Step>> not_nulls;  // SET NOT NULL + DROP check: one unit per table
};

Step make_step(Change change, Form form, std::vector<Hazard> hazards, std::string summary) {
  Step step;
  step.change = std::move(change);
  step.form = form;
  step.hazards = std::move(hazards);
  step.summary = std::move(summary);
  return step;
}

// Unique indexes a foreign key of this plan may need: they must exist before
// the main transaction adds the key, so they are built inside it.
std::set<QualifiedName> referenced_tables(const Plan& plan) {
  std::set<QualifiedName> out;
  for (const Step& step : plan.steps) {
    if (const auto* add = std::get_if<AddForeignKey>(&step.change)) out.insert(add->key.ref_table);
    if (const auto* create = std::get_if<CreateTable>(&step.change))
      for (const ir::ForeignKey& fk : create->table.foreign_keys) out.insert(fk.ref_table);
  }
  return out;
}

/// split_constraint turns ADD CHECK / FOREIGN KEY into ADD ... NOT VALID (main)
/// and VALIDATE CONSTRAINT (a unit of its own).
void split_constraint(Step step, Parts& parts) {
  const std::string summary = step.summary;
  Change change = step.change;
  parts.main.push_back(make_step(change, Form::NotValid, {}, summary + " (not valid)"));
  const bool is_check = std::holds_alternative<AddCheck>(change);
  const std::string name = is_check ? std::get<AddCheck>(change).constraint.name
                                    : std::get<AddForeignKey>(change).key.name;
  const QualifiedName table =
      is_check ? std::get<AddCheck>(change).table : std::get<AddForeignKey>(change).table;
  parts.validates.push_back(
      make_step(std::move(change), Form::Validate, {Hazard::MayFail},
                std::string(is_check ? "validate check " : "validate foreign key ") +
                    base::quote_ident(name) + " on " + qn(table)));
}

/// added_key is the table and name of the primary key or unique constraint a
/// change adds, if it adds one.
std::optional<std::pair<QualifiedName, std::string>> added_key(const Change& change) {
  if (const auto* pk = std::get_if<AddPrimaryKey>(&change))
    return std::pair{pk->table, pk->key.name};
  if (const auto* u = std::get_if<AddUnique>(&change))
    return std::pair{u->table, u->constraint.name};
  return std::nullopt;
}

/// split_key builds a primary key's or unique constraint's index concurrently
/// (outside any transaction) and then makes it the constraint, which holds its
/// lock only for a moment: ADD CONSTRAINT ... USING INDEX (a unit of its own).
void split_key(Step step, const QualifiedName& table, const std::string& name, Parts& parts) {
  const bool primary = std::holds_alternative<AddPrimaryKey>(step.change);
  const std::string on = base::quote_ident(name) + " on " + qn(table);
  // Duplicates fail the build; a primary key's columns may still hold NULLs.
  parts.indexes.push_back(make_step(step.change, Form::KeyIndex, {Hazard::MayFail},
                                    "create unique index " + on + " concurrently, for the " +
                                        (primary ? "primary key" : "unique constraint")));
  parts.indexes.back().transactional = false;
  parts.attaches.push_back(
      make_step(std::move(step.change), Form::UsingIndex,
                primary ? std::vector<Hazard>{Hazard::MayFail} : std::vector<Hazard>{},
                step.summary + " using index " + base::quote_ident(name)));
}

/// split_not_null moves the SET NOT NULLs of an AlterTable to a proving check.
/// The rest of the AlterTable stays in the main transaction.
void split_not_null(Step step, Parts& parts) {
  auto& alter = std::get<AlterTable>(step.change);
  std::vector<ColumnAction> kept;
  std::vector<ColumnAction> not_nulls;
  for (ColumnAction& action : alter.actions)
    (std::holds_alternative<SetNotNull>(action) ? not_nulls : kept).push_back(std::move(action));
  if (!kept.empty()) {
    AlterTable rest{alter.table, std::move(kept)};
    Change change = rest;
    parts.main.push_back(
        make_step(change, Form::Plain, change_hazards(change, false), summarize(change)));
  }
  std::vector<Step> unit;
  std::string columns;
  for (const ColumnAction& action : not_nulls) {
    const std::string& column = std::get<SetNotNull>(action).column;
    ir::CheckConstraint check;
    check.name = not_null_check_name(column);
    check.expr = base::quote_ident(column) + " IS NOT NULL";
    const std::string on = base::quote_ident(check.name) + " on " + qn(alter.table);
    AddCheck add{alter.table, check};
    parts.main.push_back(make_step(
        add, Form::NotValid, {},
        "add check " + on + " (not valid) for " + base::quote_ident(column) + " not null"));
    parts.main.back().helper = true;
    parts.validates.push_back(
        make_step(add, Form::Validate, {Hazard::MayFail}, "validate check " + on));
    unit.push_back(make_step(DropCheck{alter.table, check}, Form::Plain, {}, "drop check " + on));
    unit.back().helper = true;
    columns += (columns.empty() ? "" : ", ") + base::quote_ident(column);
  }
  AlterTable proven{alter.table, std::move(not_nulls)};
  unit.insert(unit.begin(), make_step(proven, Form::ProvenNotNull, {},
                                      "set not null on " + qn(alter.table) + " (" + columns +
                                          "), proven by the validated check"));
  parts.not_nulls.push_back(std::move(unit));
}

// Tables whose columns or names change in this plan: an index dropped from one of
// them stays in the main transaction, which may drop it with a column or need
// its name.
std::set<QualifiedName> reshaped_tables(const Plan& plan) {
  std::set<QualifiedName> out;
  for (const Step& step : plan.steps) {
    if (const auto* alter = std::get_if<AlterTable>(&step.change)) out.insert(alter->table);
    if (const auto* rename = std::get_if<RenameColumn>(&step.change)) out.insert(rename->table);
    if (const auto* rename = std::get_if<RenameIndex>(&step.change)) out.insert(rename->table);
    if (const auto* rename = std::get_if<RenameTable>(&step.change)) {
      out.insert(rename->from);
      out.insert({rename->from.schema, rename->to});
    }
    if (const auto* drop = std::get_if<DropTable>(&step.change)) out.insert(drop->name);
  }
  return out;
}

/// concurrent_drop: a plain index of a table this plan does not reshape is
/// dropped CONCURRENTLY, after the main transaction (it waits for running
/// queries instead of blocking new ones). A unique index may back a foreign key,
/// and an index whose name a main-transaction build reuses must go first: both
/// stay, as does an INVALID one (no query uses it; its rebuild reuses the name).
bool concurrent_drop(const DropIndex& drop, const std::set<QualifiedName>& reshaped,
                     const std::set<std::pair<std::string, std::string>>& built_in_main) {
  return drop.index.valid && !drop.index.unique && !reshaped.count(drop.table) &&
         !built_in_main.count({drop.table.schema, drop.index.name});
}

bool has_rewrite(const AlterTable& alter) {
  for (const ColumnAction& action : alter.actions)
    if (std::holds_alternative<AlterColumnType>(action)) return true;
  return false;
}

bool sets_not_null(const AlterTable& alter) {
  for (const ColumnAction& action : alter.actions)
    if (std::holds_alternative<SetNotNull>(action)) return true;
  return false;
}

void assign_units(Parts& parts, Plan& plan) {
  plan.steps.clear();
  std::size_t unit = 0;
  auto add_unit = [&](std::vector<Step>& steps) {
    if (steps.empty()) return;
    for (Step& step : steps) {
      step.unit = unit;
      plan.steps.push_back(std::move(step));
    }
    ++unit;
  };
  add_unit(parts.main);
  for (Step& step : parts.indexes) {
    std::vector<Step> one{std::move(step)};
    add_unit(one);
  }
  add_unit(parts.comments);
  for (Step& step : parts.validates) {
    std::vector<Step> one{std::move(step)};
    add_unit(one);
  }
  for (std::vector<Step>& steps : parts.not_nulls) add_unit(steps);
  // Last: a primary key's columns are NOT NULL by now, proven without a scan.
  add_unit(parts.attaches);
}

}  // namespace

std::string not_null_check_name(const std::string& column) {
  std::string name = "schemac_not_null_" + column;
  if (name.size() <= base::kMaxIdentifierBytes) return name;
  std::size_t cut = base::kMaxIdentifierBytes;
  // Never cut a UTF-8 sequence in two: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return name.substr(0, cut);
}

void make_online(Plan& plan) {
  std::set<QualifiedName> new_tables;
  for (const Step& step : plan.steps)
    if (const auto* create = std::get_if<CreateTable>(&step.change))
      new_tables.insert(create->name);
  const std::set<QualifiedName> referenced = referenced_tables(plan);
  const std::set<QualifiedName> reshaped = reshaped_tables(plan);
  // Indexes the main transaction builds: on new tables, or needed by a foreign key.
  auto builds_in_main = [&](const CreateIndex& create) {
    return new_tables.count(create.table) ||
           (create.index.unique && referenced.count(create.table));
  };
  std::set<std::pair<std::string, std::string>> built_in_main;  // schema, index name
  for (const Step& step : plan.steps)
    if (const auto* create = std::get_if<CreateIndex>(&step.change);
        create && builds_in_main(*create))
      built_in_main.insert({create->table.schema, create->index.name});
  std::set<std::pair<std::string, std::string>> concurrent;  // schema, index name
  std::set<std::pair<QualifiedName, std::string>> attached;  // table, constraint name
  Parts parts;
  for (Step& step : plan.steps) {
    // A key a foreign key of this plan references must exist in the main transaction.
    if (auto key = added_key(step.change);
        key && !new_tables.count(key->first) && !referenced.count(key->first)) {
      attached.insert(*key);
      split_key(std::move(step), key->first, key->second, parts);
      continue;
    }
    if (const auto* drop = std::get_if<DropIndex>(&step.change);
        drop && concurrent_drop(*drop, reshaped, built_in_main)) {
      step.form = Form::Concurrently;
      step.transactional = false;
      step.summary += " concurrently";
      parts.indexes.push_back(std::move(step));
      continue;
    }
    if (const auto* create = std::get_if<CreateIndex>(&step.change)) {
      if (!builds_in_main(*create)) {
        concurrent.insert({create->table.schema, create->index.name});
        step.form = Form::Concurrently;
        step.transactional = false;
        step.hazards =
            create->index.unique ? std::vector<Hazard>{Hazard::MayFail} : std::vector<Hazard>{};
        step.summary += " concurrently";
        parts.indexes.push_back(std::move(step));
        continue;
      }
    }
    if (const auto* comment = std::get_if<SetComment>(&step.change)) {
      if (comment->target == CommentTarget::Index &&
          concurrent.count({comment->object.schema, comment->member})) {
        parts.comments.push_back(std::move(step));
        continue;
      }
      if (comment->target == CommentTarget::Constraint &&
          attached.count({comment->object, comment->member})) {
        parts.attaches.push_back(std::move(step));
        continue;
      }
    }
    if (const auto* add = std::get_if<AddCheck>(&step.change)) {
      if (!new_tables.count(add->table)) {
        split_constraint(std::move(step), parts);
        continue;
      }
    }
    if (const auto* add = std::get_if<AddForeignKey>(&step.change)) {
      if (!new_tables.count(add->table)) {
        split_constraint(std::move(step), parts);
        continue;
      }
    }
    if (const auto* alter = std::get_if<AlterTable>(&step.change)) {
      // A rewrite checks NOT NULL as it copies the rows: no scan to save.
      if (sets_not_null(*alter) && !has_rewrite(*alter)) {
        split_not_null(std::move(step), parts);
        continue;
      }
    }
    parts.main.push_back(std::move(step));
  }
  assign_units(parts, plan);
}

}  // namespace schemac::plan
