// cli/exit_code: the process exit codes of DESIGN.md §3, in one place.
#pragma once

namespace schemac::cli {

enum class ExitCode : int {
  Success = 0,         // for plan: also "changes pending" unless --exit-code
  InvalidInput = 1,    // bad schema files, configuration or command line
  ChangesPending = 2,  // plan --exit-code with changes; fmt --check with unformatted files
  DatabaseError = 3,   // unreachable database, failed statement (rolled back)
  Refused = 4,         // destructive change not allowed; database drifted from a saved plan
};

inline int to_int(ExitCode code) {
  return static_cast<int>(code);
}

}  // namespace schemac::cli
