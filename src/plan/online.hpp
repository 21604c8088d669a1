// plan/online: the online-safe rewrite of a plan (`[plan] online = true`,
// `--online`). Steps that would scan an existing table under a lock that blocks
// writes are split so that the long part runs after the main transaction has
// committed, holding only locks that let reads and writes go on:
//
//   CREATE INDEX            -> CREATE INDEX CONCURRENTLY, outside any transaction
//   DROP INDEX              -> DROP INDEX CONCURRENTLY, outside any transaction,
//                              unless the table's columns or names change too
//   ADD PRIMARY KEY/UNIQUE  -> CREATE UNIQUE INDEX CONCURRENTLY (outside any
//                              transaction), then ADD CONSTRAINT ... USING INDEX
//                              (a transaction of its own, with the key's comment)
//   ADD CHECK / FOREIGN KEY -> ADD ... NOT VALID (main transaction),
//                              then VALIDATE CONSTRAINT (a transaction of its own)
//   SET NOT NULL            -> ADD CHECK (col IS NOT NULL) NOT VALID (main),
//                              VALIDATE (own transaction), then SET NOT NULL and
//                              DROP the check together (own transaction)
//
// Tables created by the same plan are empty, so their steps stay as they are, as
// do keys that a foreign key added by the plan references (it needs them at once).
// Every unit after the main one is one a re-run can finish: a failed VALIDATE
// leaves a NOT VALID constraint and a failed concurrent build an INVALID index,
// both of which the inspector reads and the next plan replaces.
#pragma once

#include <string>

#include "plan/plan.hpp"

namespace schemac::plan {

/// make_online rewrites plan in place as described above and renumbers its units.
void make_online(Plan& plan);

/// not_null_check_name is the temporary check that proves table.column NOT NULL.
std::string not_null_check_name(const std::string& column);

}  // namespace schemac::plan
