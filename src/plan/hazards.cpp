// Hazards: what a step risks on a table that holds data. They follow the locks
// PostgreSQL 15 takes: a rewrite or a validating scan under ACCESS EXCLUSIVE
// blocks reads and writes; SHARE (CREATE INDEX) blocks writes.
#include <algorithm>
#include <charconv>

#include "plan/describe.hpp"

namespace schemac::plan {
namespace {

using H = std::vector<Hazard>;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Volatile defaults are evaluated per row, so adding a column with one rewrites
// the table (a constant or stable default such as now() does not since PG 11).
bool is_volatile_default(std::string_view expr) {
  static constexpr std::string_view kVolatile[] = {
      "random(",  "gen_random_uuid(", "uuid_generate_v",  "clock_timestamp(",
      "nextval(", "timeofday(",       "gen_random_bytes("};
  std::string text = lower(expr);
  return std::any_of(std::begin(kVolatile), std::end(kVolatile),
                     [&](std::string_view f) { return text.find(f) != std::string::npos; });
}

std::optional<int> modifier(const ir::TypeRef& type, std::size_t i) {
  if (i >= type.modifiers.size()) return std::nullopt;
  int value = 0;
  const std::string& text = type.modifiers[i];
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// Widening varchar or numeric precision is binary-coercible: no rewrite, no scan.
bool is_binary_widening(const ir::TypeRef& from, const ir::TypeRef& to) {
  if (from.is_array != to.is_array || !from.schema.empty() || !to.schema.empty()) return false;
  if (from.name == "character varying" && to.name == "text" && to.modifiers.empty()) return true;
  if (from.name != to.name) return false;
  if (from.name == "character varying") {
    auto a = modifier(from, 0), b = modifier(to, 0);
    return to.modifiers.empty() || (a && b && *b >= *a);
  }
  if (from.name == "numeric") {
    if (to.modifiers.empty()) return true;
    auto p1 = modifier(from, 0), p2 = modifier(to, 0);
    return p1 && p2 && *p2 >= *p1 && modifier(from, 1).value_or(0) == modifier(to, 1).value_or(0);
  }
  return false;
}

// A cast that every value survives: integers to wider integers or to numeric
// without a precision, real to double precision, anything to unbounded text.
// PostGIS conversions (ST_Transform, ST_SetSRID) are not casts and can fail.
bool cast_always_succeeds(const diff::AlterColumnType& change) {
  const ir::TypeRef& from = change.from;
  const ir::TypeRef& to = change.to;
  if (change.conversion != diff::TypeConversion::Cast || from.is_array != to.is_array) return false;
  if (!to.schema.empty() || !to.modifiers.empty()) return false;
  if (to.name == "text") return true;
  if (!from.schema.empty()) return false;
  static constexpr std::pair<std::string_view, std::string_view> kWidenings[] = {
      {"smallint", "integer"},     {"smallint", "bigint"}, {"integer", "bigint"},
      {"smallint", "numeric"},     {"integer", "numeric"}, {"bigint", "numeric"},
      {"real", "double precision"}};
  for (auto [a, b] : kWidenings)
    if (from.name == a && to.name == b) return true;
  return false;
}

// Narrowing a sequence (type, bounds) fails when its current value no longer fits.
// Bytes of a sequence's data type: a narrower type may not hold the current value.
int sequence_width(const std::string& data_type) {
  if (data_type == "smallint") return 2;
  if (data_type == "integer") return 4;
  return 8;
}

H sequence_hazards(const diff::AlterSequence& c) {
  const ir::Sequence& a = c.from;
  const ir::Sequence& b = c.to;
  bool narrows = sequence_width(b.data_type) < sequence_width(a.data_type) ||
                 b.min_value > a.min_value || b.max_value < a.max_value;
  return narrows ? H{Hazard::MayFail} : H{};
}

H add_column_hazards(const ir::Column& column) {
  bool rewrites = column.identity != ir::IdentityKind::None || column.generated_expr ||
                  (column.default_expr && is_volatile_default(*column.default_expr));
  if (rewrites) return {Hazard::RewritesTable, Hazard::BlocksWrites, Hazard::BlocksReads};
  if (column.not_null && !column.default_expr) return {Hazard::MayFail};
  return {};
}

}  // namespace

std::vector<Hazard> action_hazards(const diff::ColumnAction& action) {
  using namespace diff;
  return std::visit(
      Overloaded{
          [](const AddColumn& a) { return add_column_hazards(a.column); },
          // A generated column holds only values derived from others.
          [](const DropColumn& a) {
            return a.column.generated_expr ? H{} : H{Hazard::DeletesData};
          },
          [](const AlterColumnType& a) {
            if (is_binary_widening(a.from, a.to) && !a.collation) return H{};
            H rewrite{Hazard::RewritesTable, Hazard::BlocksWrites, Hazard::BlocksReads};
            if (!cast_always_succeeds(a)) rewrite.push_back(Hazard::MayFail);
            return rewrite;
          },
          [](const SetColumnDefault&) { return H{}; },
          [](const DropColumnDefault&) { return H{}; },
          // SET NOT NULL scans the whole table under ACCESS EXCLUSIVE.
          [](const SetNotNull&) {
            return H{Hazard::BlocksWrites, Hazard::BlocksReads, Hazard::MayFail};
          },
          [](const DropNotNull&) { return H{}; },
          [](const DropExpression&) { return H{}; },
          [](const SetIdentity&) { return H{}; },
      },
      action);
}

std::vector<Hazard> change_hazards(const diff::Change& change, bool table_is_new) {
  using namespace diff;
  H scan_under_lock =
      table_is_new ? H{} : H{Hazard::BlocksWrites, Hazard::BlocksReads, Hazard::MayFail};
  H result = std::visit(
      Overloaded{
          [](const UpdateExtension&) { return H{Hazard::ExtensionUpgrade}; },
          // Dropping an extension drops its types and functions, or fails if
          // columns still use them (schemac never adds CASCADE).
          [](const DropExtension&) {
            return H{Hazard::DeletesData, Hazard::MayFail};
          },
          [](const DropTable&) { return H{Hazard::DeletesData}; },
          // A materialized view's rows are computed again; until the transaction
          // commits, its readers wait.
          [](const DropView& c) { return c.view.materialized ? H{Hazard::BlocksReads} : H{}; },
          [](const CreateView& c) {
            return c.view.materialized && c.recreate ? H{Hazard::RewritesTable, Hazard::BlocksReads}
                                                     : H{};
          },

          // A sequence's state (its last value) is data; DROP DOMAIN fails while
          // columns use it (schemac never adds CASCADE).
          [](const DropSequence&) { return H{Hazard::DeletesData}; },
          [](const DropDomain& c) { return c.replaced ? H{} : H{Hazard::MayFail}; },
          [](const AlterSequence& c) { return sequence_hazards(c); },
          // SET NOT NULL and ADD CONSTRAINT check every column that uses the domain.
          [](const AlterDomain& c) {
            bool checks = std::holds_alternative<AddDomainCheck>(c.action) ||
                          (std::holds_alternative<SetDomainNotNull>(c.action) &&
                           std::get<SetDomainNotNull>(c.action).not_null);
            return checks ? H{Hazard::BlocksWrites, Hazard::MayFail} : H{};
          },
          [](const AlterTable& a) {
            H all;
            for (const ColumnAction& action : a.actions) {
              H some = action_hazards(action);
              all.insert(all.end(), some.begin(), some.end());
            }
            return all;
          },
          [&](const AddPrimaryKey&) { return scan_under_lock; },
          [&](const AddUnique&) { return scan_under_lock; },
          [&](const AddCheck&) { return scan_under_lock; },
          // Validating a foreign key takes SHARE ROW EXCLUSIVE: writes wait, reads do not.
          [&](const AddForeignKey&) {
            return table_is_new ? H{} : H{Hazard::BlocksWrites, Hazard::MayFail};
          },
          [&](const CreateIndex& c) {
            if (table_is_new) return H{};
            return c.index.unique ? H{Hazard::BlocksWrites, Hazard::MayFail}
                                  : H{Hazard::BlocksWrites};
          },
          [](const auto&) { return H{}; },
      },
      change);
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

std::string_view hazard_name(Hazard hazard) {
  switch (hazard) {
    case Hazard::DeletesData:
      return "deletes-data";
    case Hazard::RewritesTable:
      return "rewrites-table";
    case Hazard::BlocksWrites:
      return "blocks-writes";
    case Hazard::BlocksReads:
      return "blocks-reads";
    case Hazard::MayFail:
      return "may-fail";
    case Hazard::ExtensionUpgrade:
      return "extension-upgrade";
  }
  return "unknown";
}

std::optional<Hazard> hazard_from_name(std::string_view name) {
  for (Hazard hazard : kAllHazards)
    if (hazard_name(hazard) == name) return hazard;
  return std::nullopt;
}

}  // namespace schemac::plan
