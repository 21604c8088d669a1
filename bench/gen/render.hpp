// bench/gen/render: a Model as .schema text (one file per block) and as the
// SQL script that builds the same database.
#pragma once

#include <string>

#include "model.hpp"

namespace schemac::bench {

/// schema_text is one block as a .schema file.
std::string schema_text(const Block& block);

/// sql_text is the whole model as one SQL script (psql -f), PostGIS first.
std::string sql_text(const Model& model);

}  // namespace schemac::bench
