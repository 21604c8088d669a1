// catalog/scratch_block: one DO statement that runs many scratch statements,
// each in its own BEGIN ... EXCEPTION block (a savepoint), so that one refused
// statement spoils nothing else and the whole batch costs one round trip,
// however many objects there are. Used by canonicalize_views and
// canonicalize_expressions.
#pragma once

#include <string>
#include <vector>

namespace schemac::catalog {

/// ScratchStatement: a plpgsql string expression giving the statement's text
/// (for EXECUTE), and whether its refusal for want of rights or on a read-only
/// server (SQLSTATE 42501, 25006) is recorded in the transaction-local setting
/// schemac.refused (read back with kScratchRefused).
struct ScratchStatement {
  std::string text;
  bool records_refusal = false;
};

/// scratch_block is the DO statement running every statement in order.
std::string scratch_block(const std::vector<ScratchStatement>& statements);

/// kScratchRefused reads what scratch_block recorded (NULL or '' when nothing was).
inline constexpr const char* kScratchRefused =
    "SELECT pg_catalog.current_setting('schemac.refused', true) AS refused";

}  // namespace schemac::catalog
