#include "emit/document.hpp"

#include <algorithm>

namespace schemac::emit {

PlanDocument document(const plan::Plan& plan) {
  PlanDocument doc;
  std::vector<Statement> statements = to_statements(plan);
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const plan::Step& step = plan.steps[i];
    DocumentStep out;
    out.summary = step.summary;
    out.hazards = step.hazards;
    out.unit = step.unit;
    out.transactional = step.transactional;
    out.changes = plan::describe(step);
    // A step shown as several lines (an ALTER TABLE with several actions) alters.
    out.verb = out.changes.size() == 1 ? out.changes.front().verb : plan::Verb::Alter;
    for (const Statement& statement : statements)
      if (statement.step == i) out.statements.push_back(statement);
    doc.steps.push_back(std::move(out));
  }
  return doc;
}

std::string no_changes_sentence(const PlanDocument& doc) {
  return doc.between_schemas ? "No changes. The schemas match."
                             : "No changes. The database matches the schema.";
}

ChangeCounts count_changes(const PlanDocument& doc) {
  ChangeCounts counts;
  for (const DocumentStep& step : doc.steps) {
    for (const plan::Line& line : step.changes) {
      if (line.verb == plan::Verb::Create) ++counts.create;
      if (line.verb == plan::Verb::Alter) ++counts.alter;
      if (line.verb == plan::Verb::Drop) ++counts.drop;
    }
  }
  return counts;
}

std::vector<plan::Hazard> hazards_in(const PlanDocument& doc) {
  std::vector<plan::Hazard> out;
  for (plan::Hazard hazard : plan::kAllHazards) {
    bool present = std::any_of(doc.steps.begin(), doc.steps.end(), [&](const DocumentStep& s) {
      return std::find(s.hazards.begin(), s.hazards.end(), hazard) != s.hazards.end();
    });
    if (present) out.push_back(hazard);
  }
  return out;
}

std::string hazard_list(const std::vector<plan::Hazard>& hazards) {
  std::string out;
  for (std::size_t i = 0; i < hazards.size(); ++i)
    out += (i ? ", " : "") + std::string(plan::hazard_name(hazards[i]));
  return out;
}

}  // namespace schemac::emit
