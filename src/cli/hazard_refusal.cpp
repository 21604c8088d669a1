#include "cli/hazard_refusal.hpp"

namespace schemac::cli {

std::set<plan::Hazard> default_allowed_hazards() {
  std::set<plan::Hazard> allowed(std::begin(plan::kAllHazards), std::end(plan::kAllHazards));
  allowed.erase(plan::Hazard::DeletesData);
  return allowed;
}

std::optional<std::set<plan::Hazard>> allowed_hazards(const Args& args, const Config& config,
                                                      base::Diagnostics& diags) {
  std::set<plan::Hazard> allowed = default_allowed_hazards();
  if (config.allow_hazards)
    allowed = std::set<plan::Hazard>(config.allow_hazards->begin(), config.allow_hazards->end());
  if (args.has("--allow-destructive") || config.allow_destructive)
    allowed.insert(plan::Hazard::DeletesData);
  std::string list = args.value("--allow-hazards").value_or("");
  bool ok = true;
  for (std::size_t start = 0; start <= list.size() && !list.empty();) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string name = list.substr(start, end - start);
    if (std::optional<plan::Hazard> hazard = plan::hazard_from_name(name)) {
      allowed.insert(*hazard);
    } else {
      diags.error(base::DiagKind::UsageError, std::nullopt,
                  "--allow-hazards: unknown hazard '" + name +
                      "'; expected a comma-separated list of deletes-data, rewrites-table, "
                      "blocks-writes, blocks-reads, may-fail, extension-upgrade");
      ok = false;
    }
    start = end + 1;
  }
  if (!ok) return std::nullopt;
  return allowed;
}

bool refuse_hazards(const emit::PlanDocument& doc, const std::set<plan::Hazard>& allowed,
                    base::Diagnostics& diags) {
  bool refused = false;
  for (std::size_t i = 0; i < doc.steps.size(); ++i) {
    const emit::DocumentStep& step = doc.steps[i];
    std::vector<plan::Hazard> refused_here;
    for (plan::Hazard hazard : step.hazards)
      if (!allowed.count(hazard)) refused_here.push_back(hazard);
    if (refused_here.empty()) continue;
    std::string names = emit::hazard_list(refused_here);
    std::string hint = "--allow-hazards=";
    for (std::size_t k = 0; k < refused_here.size(); ++k)
      hint += (k ? "," : "") + std::string(plan::hazard_name(refused_here[k]));
    if (refused_here == std::vector<plan::Hazard>{plan::Hazard::DeletesData})
      hint = "--allow-destructive or " + hint;
    diags.error(base::DiagKind::DestructiveChangeRefused, std::nullopt,
                "refusing step " + std::to_string(i + 1) + " (" + step.summary + "): " + names +
                    (refused_here.size() == 1 ? " is" : " are") + " not allowed (pass " + hint +
                    ")");
    refused = true;
  }
  return refused;
}

}  // namespace schemac::cli
