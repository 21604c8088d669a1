// Sequences and domains as SQL. CREATE SEQUENCE spells out only the options
// that differ from PostgreSQL's defaults; ALTER SEQUENCE only those that change.
#include "base/quote.hpp"
#include "emit/sql_parts.hpp"
#include "ir/sequence.hpp"
#include "ir/types.hpp"

namespace schemac::emit::detail {
namespace {

using namespace diff;

std::string number(const std::optional<std::int64_t>& value) {
  return std::to_string(value.value_or(0));
}

// sequence_options lists the options of `to` that differ from `from`.
std::string sequence_options(const ir::Sequence& from, const ir::Sequence& to) {
  std::string out;
  if (to.data_type != from.data_type) out += " AS " + to.data_type;
  if (to.increment != from.increment) out += " INCREMENT BY " + std::to_string(to.increment);
  if (to.min_value != from.min_value) out += " MINVALUE " + number(to.min_value);
  if (to.max_value != from.max_value) out += " MAXVALUE " + number(to.max_value);
  if (to.start != from.start) out += " START WITH " + number(to.start);
  if (to.cache != from.cache) out += " CACHE " + std::to_string(to.cache);
  if (to.cycle != from.cycle) out += to.cycle ? " CYCLE" : " NO CYCLE";
  return out;
}

std::string domain_action(const DomainAction& action) {
  return std::visit(Overloaded{
                        [](const SetDomainDefault& a) {
                          return a.expr ? "SET DEFAULT " + *a.expr : std::string("DROP DEFAULT");
                        },
                        [](const SetDomainNotNull& a) {
                          return std::string(a.not_null ? "SET NOT NULL" : "DROP NOT NULL");
                        },
                        [](const AddDomainCheck& a) { return "ADD " + check_clause(a.check); },
                        [](const DropDomainCheck& a) {
                          return "DROP CONSTRAINT " + base::quote_ident(a.check.name);
                        },
                        [](const RenameDomainCheck& a) {
                          return "RENAME CONSTRAINT " + base::quote_ident(a.from) + " TO " +
                                 base::quote_ident(a.to);
                        },
                    },
                    action);
}

}  // namespace

std::string create_sequence_sql(const CreateSequence& change) {
  // PostgreSQL's defaults for the type and direction (ascending or descending).
  ir::Sequence defaults;
  defaults.data_type = change.sequence.data_type;
  defaults.increment = change.sequence.increment;
  ir::normalize_sequence(defaults);
  defaults.increment = 1;
  std::string out = "CREATE SEQUENCE " + table_name(change.name);
  if (change.sequence.data_type != "bigint") out += " AS " + change.sequence.data_type;
  return out + sequence_options(defaults, change.sequence) + ";";
}

std::string alter_sequence_sql(const AlterSequence& change) {
  return "ALTER SEQUENCE " + table_name(change.name) + sequence_options(change.from, change.to) +
         ";";
}

std::string sequence_owner_sql(const SetSequenceOwner& change) {
  std::string owner = "NONE";
  if (change.owner) {
    owner = table_name({change.name.schema, change.owner->table}) + "." +
            base::quote_ident(change.owner->column);
  }
  return "ALTER SEQUENCE " + table_name(change.name) + " OWNED BY " + owner + ";";
}

std::string create_domain_sql(const CreateDomain& change) {
  const ir::Domain& domain = change.domain;
  std::string out = "CREATE DOMAIN " + table_name(change.name) + " AS " + ir::type_sql(domain.type);
  if (domain.collation) out += " COLLATE " + base::quote_ident(*domain.collation);
  if (domain.default_expr) out += " DEFAULT " + *domain.default_expr;
  if (domain.not_null) out += " NOT NULL";
  for (const ir::CheckConstraint& check : domain.checks) out += " " + check_clause(check);
  return out + ";";
}

std::string alter_domain_sql(const AlterDomain& change) {
  return "ALTER DOMAIN " + table_name(change.name) + " " + domain_action(change.action) + ";";
}

}  // namespace schemac::emit::detail
