// ir/sequence: PostgreSQL's defaults for sequence options, so that a sequence
// declared with options left out compares equal to the one PostgreSQL creates.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "ir/catalog.hpp"

namespace schemac::ir {

/// sequence_type_bounds: the value range of a sequence's data type (smallint,
/// integer or bigint, canonical spelling); nullopt for any other type.
std::optional<std::pair<std::int64_t, std::int64_t>> sequence_type_bounds(std::string_view type);

/// normalize_sequence spells the data type canonically and fills the options
/// left empty with PostgreSQL's defaults (DefineSequence/init_params): an
/// ascending sequence runs from 1 to the type's maximum, a descending one from
/// the type's minimum to -1; start is min_value when ascending, else max_value.
void normalize_sequence(Sequence& sequence);

}  // namespace schemac::ir
