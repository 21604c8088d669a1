// catalog/inspect_seqdom: sequences and domains from their query rows.
#include <charconv>

#include "catalog/inspect_build.hpp"

namespace schemac::catalog {
namespace {

std::int64_t to_int(const std::string& text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

void add_sequences(const ResultSet& rows, ir::Catalog& catalog) {
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    ir::Sequence sequence;
    sequence.name = row.text("relname");
    sequence.data_type = row.text("data_type");
    sequence.start = to_int(row.text("start"));
    sequence.increment = to_int(row.text("increment"));
    sequence.min_value = to_int(row.text("min_value"));
    sequence.max_value = to_int(row.text("max_value"));
    sequence.cache = to_int(row.text("cache"));
    sequence.cycle = row.flag("cycle");
    if (row.opt("owner_table"))
      sequence.owned_by = ir::SequenceOwner{row.text("owner_table"), row.text("owner_column")};
    sequence.comment = row.opt("comment");
    schema_for(catalog, row.text("nspname")).sequences.push_back(std::move(sequence));
  }
}

void add_domains(const ResultSet& rows, ir::Catalog& catalog) {
  // One row per check, grouped by domain.
  ir::Domain* current = nullptr;
  std::string current_schema;
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    const std::string schema = row.text("nspname");
    const std::string name = row.text("typname");
    if (current == nullptr || current_schema != schema || current->name != name) {
      ir::Schema& owner = schema_for(catalog, schema);
      ir::Domain domain;
      domain.name = name;
      domain.type = to_type_ref(InspectedType{row.text("type_schema"), row.text("type_name"),
                                              row.text("type_format"), row.opt("type_format_mod"),
                                              row.flag("is_array")});
      domain.not_null = row.flag("not_null");
      domain.default_expr = row.opt("default_expr");
      domain.collation = row.opt("collation");
      domain.comment = row.opt("comment");
      owner.domains.push_back(std::move(domain));
      current = &owner.domains.back();
      current_schema = schema;
    }
    if (!row.opt("conname")) continue;
    ir::CheckConstraint check;
    check.name = row.text("conname");
    check.expr = row.text("check_expr");
    current->checks.push_back(std::move(check));
  }
}

}  // namespace schemac::catalog
