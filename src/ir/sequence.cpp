#include "ir/sequence.hpp"

#include <limits>
#include <string>

#include "ir/types.hpp"

namespace schemac::ir {

std::optional<std::pair<std::int64_t, std::int64_t>> sequence_type_bounds(std::string_view type) {
  if (type == "smallint")
    return std::pair<std::int64_t, std::int64_t>{std::numeric_limits<std::int16_t>::min(),
                                                 std::numeric_limits<std::int16_t>::max()};
  if (type == "integer")
    return std::pair<std::int64_t, std::int64_t>{std::numeric_limits<std::int32_t>::min(),
                                                 std::numeric_limits<std::int32_t>::max()};
  if (type == "bigint")
    return std::pair<std::int64_t, std::int64_t>{std::numeric_limits<std::int64_t>::min(),
                                                 std::numeric_limits<std::int64_t>::max()};
  return std::nullopt;
}

void normalize_sequence(Sequence& sequence) {
  if (auto canonical = canonical_builtin_type(sequence.data_type)) sequence.data_type = *canonical;
  auto bounds = sequence_type_bounds(sequence.data_type);
  if (!bounds) return;  // the lowerer reports other types
  const bool ascending = sequence.increment > 0;
  if (!sequence.min_value) sequence.min_value = ascending ? 1 : bounds->first;
  if (!sequence.max_value) sequence.max_value = ascending ? bounds->second : -1;
  if (!sequence.start) sequence.start = ascending ? *sequence.min_value : *sequence.max_value;
}

}  // namespace schemac::ir
