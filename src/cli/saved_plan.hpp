// cli/saved_plan: `plan --out FILE` and `apply FILE`. A saved plan holds the
// steps (SQL and hazards) and the state of the database it was made against;
// apply runs it only when the database still is in that state.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "catalog/connection.hpp"
#include "cli/args.hpp"
#include "cli/exit_code.hpp"
#include "cli/session.hpp"
#include "emit/document.hpp"
#include "ir/catalog.hpp"

namespace schemac::cli {

/// saved_plan_argument is the plan file when apply's only argument names a *.json file.
std::optional<std::filesystem::path> saved_plan_argument(const Args& args);

/// write_saved_plan writes doc as a plan file; reports E0310 and returns false
/// when the file cannot be written.
bool write_saved_plan(const std::filesystem::path& file, const emit::PlanDocument& doc,
                      Session& session);

/// read_saved_plan reads and checks a plan file: JSON, format and version,
/// checksum, fields, and that it was made against a database. Reports E0310 and
/// returns nullopt when the file cannot be used.
std::optional<emit::PlanDocument> read_saved_plan(const std::filesystem::path& file,
                                                  Session& session);

/// verify_unchanged inspects the schemas the plan was made against and compares
/// the database's state with the saved one. On a difference it reports E0520
/// with one note per change and sets failure = Refused; on a database error it
/// sets failure = DatabaseError. True when the database is as it was.
bool verify_unchanged(catalog::Connection& conn, const emit::PlanDocument& plan, Session& session,
                      ExitCode& failure);

}  // namespace schemac::cli
