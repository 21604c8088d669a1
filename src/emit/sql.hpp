// emit/sql: a plan as SQL statements and as a commented script. Every name and
// literal goes through base::quote_*; expressions are the IR's SQL text. Depends
// on ir, diff and plan; never on a connection.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "plan/plan.hpp"

namespace schemac::emit {

/// Statement is one SQL statement of a plan, without a trailing newline, ending in ';'.
struct Statement {
  std::string sql;
  bool in_transaction = true;
  std::size_t step = 0;  // index of the plan step it implements
};

/// to_statements renders each step as one statement, in plan order.
std::vector<Statement> to_statements(const plan::Plan& plan);

/// to_sql renders a script: before each step's statement a `-- <summary> [hazards]`
/// comment line; steps separated by a blank line. An empty plan gives a comment only.
std::string to_sql(const plan::Plan& plan);

struct PlanDocument;
/// to_sql renders a document's statements the same way (a saved plan's SQL).
std::string to_sql(const PlanDocument& doc);

/// change_sql renders a single change as one statement (ending in ';').
std::string change_sql(const diff::Change& change);

}  // namespace schemac::emit
