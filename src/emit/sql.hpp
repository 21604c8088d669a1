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
  std::size_t unit = 0;  // the plan step's unit (plan::Step::unit)
  /// retry_cleanup, when not empty, runs before the statement is tried again
  /// after a lock timeout: a failed CREATE INDEX CONCURRENTLY leaves an INVALID
  /// index behind that would make the retry fail.
  std::string retry_cleanup;
};

/// to_statements renders each step as one statement, in plan order.
std::vector<Statement> to_statements(const plan::Plan& plan);

/// to_sql renders a script: before each step's statement a `-- <summary> [hazards]`
/// comment line; steps separated by a blank line. An empty plan gives a comment only.
/// A plan of several units (online mode) wraps each transaction in BEGIN/COMMIT
/// and heads each unit with a comment saying how it runs and what a failure leaves.
std::string to_sql(const plan::Plan& plan);

struct PlanDocument;
/// to_sql renders a document's statements the same way (a saved plan's SQL).
std::string to_sql(const PlanDocument& doc);

/// step_sql renders a step as one statement, in the form the plan chose for it.
std::string step_sql(const plan::Step& step);

/// unit_note says how a document's unit runs and what its failure leaves behind:
/// "part 1/3, main transaction: ...". Empty for a plan of one unit.
std::string unit_note(const PlanDocument& doc, std::size_t unit);

/// change_sql renders a single change as one statement (ending in ';').
std::string change_sql(const diff::Change& change);

}  // namespace schemac::emit
