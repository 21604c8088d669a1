// Enum types: PostgreSQL can add values to an enum in place but cannot remove or
// reorder them, so those cases are reported instead of planned.
#include <algorithm>

#include "base/quote.hpp"
#include "diff/internal.hpp"

namespace schemac::diff::detail {
namespace {

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string join_literals(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + base::quote_literal(v);
  return out;
}

// Reports and returns false unless `have` is a subsequence of `want`.
bool check_only_additions(const QualifiedName& name, const ir::EnumType& have,
                          const ir::EnumType& want, base::Diagnostics& diags) {
  std::vector<std::string> removed;
  for (const std::string& v : have.values)
    if (!contains(want.values, v)) removed.push_back(v);
  if (!removed.empty()) {
    diags.error(base::DiagKind::EnumValueRemoved, want.provenance.span,
                "removing enum values is not supported: " + display(name) + " would lose " +
                    join_literals(removed));
    return false;
  }
  std::vector<std::string> kept;  // the desired order of the existing values
  for (const std::string& v : want.values)
    if (contains(have.values, v)) kept.push_back(v);
  if (kept != have.values) {
    diags.error(base::DiagKind::EnumValuesReordered, want.provenance.span,
                "reordering enum values is not supported: " + display(name) + " has " +
                    join_literals(have.values) + ", the schema wants " + join_literals(kept));
    return false;
  }
  return true;
}

}  // namespace

void diff_enum(const QualifiedName& name, const ir::EnumType* from, const ir::EnumType& to,
               std::vector<Change>& out, base::Diagnostics& diags) {
  if (!from) {
    out.push_back(CreateEnum{name, to.values});
    return;
  }
  if (from->values == to.values || !check_only_additions(name, *from, to, diags)) return;
  // Emitted in desired order: each new value goes AFTER its predecessor (added
  // just before, or existing); a leading new value goes BEFORE the first
  // existing value. Running them in this order yields exactly to.values.
  std::string first_existing;
  for (const std::string& v : to.values) {
    if (contains(from->values, v)) {
      first_existing = v;
      break;
    }
  }
  for (std::size_t i = 0; i < to.values.size(); ++i) {
    const std::string& v = to.values[i];
    if (contains(from->values, v)) continue;
    if (i > 0) {
      out.push_back(AddEnumValue{name, v, EnumPosition::After, to.values[i - 1]});
    } else if (!first_existing.empty()) {
      out.push_back(AddEnumValue{name, v, EnumPosition::Before, first_existing});
    } else {
      out.push_back(AddEnumValue{name, v, EnumPosition::End, ""});
    }
  }
}

}  // namespace schemac::diff::detail
