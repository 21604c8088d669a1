// plan/describe: the words a change is shown with (summaries, +/~/- verbs) and
// the hazards of each change, shared by plan and the output formats in emit.
#pragma once

#include <string>
#include <vector>

#include "diff/change.hpp"
#include "plan/plan.hpp"

namespace schemac::plan {

/// Verb is how a change is counted and marked: + create, ~ alter, - drop.
enum class Verb { Create, Alter, Drop };

/// Line is one user-visible change: a step, or one action of an AlterTable.
struct Line {
  Verb verb = Verb::Alter;
  std::string text;  // "drop column public.users.legacy"
  std::vector<Hazard> hazards;
};

/// summarize is a step's one-line description: "create table public.users".
std::string summarize(const diff::Change& change);

/// describe splits a step into the lines a person reads: one per column action
/// for an AlterTable, else one.
std::vector<Line> describe(const Step& step);

/// change_hazards are the hazards of a change; table_is_new says the change
/// touches a table created earlier in the same plan (so it is empty).
std::vector<Hazard> change_hazards(const diff::Change& change, bool table_is_new);

/// action_hazards are the hazards of one column action of an AlterTable.
std::vector<Hazard> action_hazards(const diff::ColumnAction& action);

}  // namespace schemac::plan
