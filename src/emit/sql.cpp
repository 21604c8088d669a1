#include "emit/sql.hpp"

#include <algorithm>

#include "base/quote.hpp"
#include "emit/document.hpp"
#include "emit/sql_parts.hpp"

namespace schemac::emit {
namespace {

using namespace diff;
using detail::table_name;

std::string ident(const std::string& name) {
  return base::quote_ident(name);
}

std::string view_kind(bool materialized) {
  return materialized ? "MATERIALIZED VIEW " : "VIEW ";
}

// The query as written when the database canonicalized it: created after the
// plan's table changes, it must resolve against them, not against the old types.
const std::string& view_query(const ir::View& view) {
  return view.facts.written.empty() ? view.body : view.facts.written;
}

std::string create_extension_sql(const ir::Extension& e) {
  std::string out = "CREATE EXTENSION " + ident(e.name);
  if (e.schema) out += " WITH SCHEMA " + ident(*e.schema);
  if (e.version) out += " VERSION " + base::quote_literal(*e.version);
  return out + ";";
}

std::string create_enum_sql(const CreateEnum& c) {
  std::string values;
  for (const std::string& v : c.values)
    values += (values.empty() ? "" : ", ") + base::quote_literal(v);
  return "CREATE TYPE " + table_name(c.name) + " AS ENUM (" + values + ");";
}

std::string add_enum_value_sql(const AddEnumValue& c) {
  std::string out =
      "ALTER TYPE " + table_name(c.enum_name) + " ADD VALUE " + base::quote_literal(c.value);
  if (c.position == EnumPosition::Before) out += " BEFORE " + base::quote_literal(c.neighbour);
  if (c.position == EnumPosition::After) out += " AFTER " + base::quote_literal(c.neighbour);
  return out + ";";
}

std::string alter_constraint(const QualifiedName& table, const std::string& what) {
  return "ALTER TABLE " + table_name(table) + " " + what + ";";
}

std::string drop_constraint(const QualifiedName& table, const std::string& name) {
  return alter_constraint(table, "DROP CONSTRAINT " + ident(name));
}

std::string comment_line(const DocumentStep& step) {
  // Names may hold newlines; one must not end the comment and start SQL.
  std::string out = "-- " + detail::one_line(step.summary);
  if (step.hazards.empty()) return out;
  return out + " [" + hazard_list(step.hazards) + "]";
}

}  // namespace

std::string change_sql(const Change& change) {
  return std::visit(
      Overloaded{
          [](const CreateSchema& c) { return "CREATE SCHEMA " + ident(c.name) + ";"; },
          [](const DropSchema& c) { return "DROP SCHEMA " + ident(c.name) + ";"; },
          [](const CreateExtension& c) { return create_extension_sql(c.extension); },
          [](const UpdateExtension& c) {
            return "ALTER EXTENSION " + ident(c.name) + " UPDATE TO " +
                   base::quote_literal(c.to_version) + ";";
          },
          [](const DropExtension& c) { return "DROP EXTENSION " + ident(c.extension.name) + ";"; },
          [](const CreateEnum& c) { return create_enum_sql(c); },
          [](const AddEnumValue& c) { return add_enum_value_sql(c); },
          [](const DropEnum& c) { return "DROP TYPE " + table_name(c.name) + ";"; },
          [](const CreateTable& c) { return detail::create_table_sql(c); },
          [](const DropTable& c) { return "DROP TABLE " + table_name(c.name) + ";"; },
          [](const AlterTable& c) { return detail::alter_table_sql(c); },
          [](const AddPrimaryKey& c) {
            return alter_constraint(c.table, "ADD " + detail::primary_key_clause(c.key));
          },
          [](const DropPrimaryKey& c) { return drop_constraint(c.table, c.key.name); },
          [](const AddUnique& c) {
            return alter_constraint(c.table, "ADD " + detail::unique_clause(c.constraint));
          },
          [](const DropUnique& c) { return drop_constraint(c.table, c.constraint.name); },
          [](const AddCheck& c) {
            return alter_constraint(c.table, "ADD " + detail::check_clause(c.constraint));
          },
          [](const DropCheck& c) { return drop_constraint(c.table, c.constraint.name); },
          [](const AddForeignKey& c) {
            return alter_constraint(c.table, "ADD " + detail::foreign_key_clause(c.key));
          },
          [](const DropForeignKey& c) { return drop_constraint(c.table, c.key.name); },
          [](const CreateIndex& c) { return detail::create_index_sql(c); },
          [](const DropIndex& c) {
            return "DROP INDEX " + table_name({c.table.schema, c.index.name}) + ";";
          },
          [](const SetComment& c) { return detail::comment_sql(c); },
          [](const RenameTable& c) {
            return "ALTER TABLE " + table_name(c.from) + " RENAME TO " + ident(c.to) + ";";
          },
          [](const RenameColumn& c) {
            return alter_constraint(c.table,
                                    "RENAME COLUMN " + ident(c.from) + " TO " + ident(c.to));
          },
          [](const RenameIndex& c) {
            return "ALTER INDEX " + table_name({c.table.schema, c.from}) + " RENAME TO " +
                   ident(c.to) + ";";
          },
          [](const RenameConstraint& c) {
            return alter_constraint(c.table,
                                    "RENAME CONSTRAINT " + ident(c.from) + " TO " + ident(c.to));
          },
          [](const CreateView& c) {
            return "CREATE " + view_kind(c.view.materialized) + table_name(c.name) + " AS " +
                   view_query(c.view) + ";";
          },
          [](const ReplaceView& c) {
            return "CREATE OR REPLACE VIEW " + table_name(c.name) + " AS " + view_query(c.view) +
                   ";";
          },
          [](const DropView& c) {
            return "DROP " + view_kind(c.view.materialized) + table_name(c.name) + ";";
          },
          [](const RenameView& c) {
            return "ALTER " + view_kind(c.materialized) + table_name(c.from) + " RENAME TO " +
                   ident(c.to) + ";";
          },

          [](const CreateSequence& c) { return detail::create_sequence_sql(c); },
          [](const AlterSequence& c) { return detail::alter_sequence_sql(c); },
          [](const SetSequenceOwner& c) { return detail::sequence_owner_sql(c); },
          [](const DropSequence& c) { return "DROP SEQUENCE " + table_name(c.name) + ";"; },
          [](const CreateDomain& c) { return detail::create_domain_sql(c); },
          [](const AlterDomain& c) { return detail::alter_domain_sql(c); },
          [](const DropDomain& c) { return "DROP DOMAIN " + table_name(c.name) + ";"; },
          [](const RenameSequence& c) {
            return "ALTER SEQUENCE " + table_name(c.from) + " RENAME TO " + ident(c.to) + ";";
          },
          [](const RenameDomain& c) {
            return "ALTER DOMAIN " + table_name(c.from) + " RENAME TO " + ident(c.to) + ";";
          },
      },
      change);
}

std::string step_sql(const plan::Step& step) {
  const Change& change = step.change;
  switch (step.form) {
    case plan::Form::Plain:
    case plan::Form::ProvenNotNull:
      return change_sql(change);
    case plan::Form::Concurrently: {
      std::string sql = change_sql(change);
      const std::string_view index = " INDEX ";
      return sql.insert(sql.find(index) + index.size(), "CONCURRENTLY ");
    }
    case plan::Form::NotValid: {
      std::string sql = change_sql(change);
      return sql.insert(sql.size() - 1, " NOT VALID");
    }
    case plan::Form::KeyIndex:
      return detail::key_index_sql(change);
    case plan::Form::UsingIndex:
      return detail::key_using_index_sql(change);
    case plan::Form::Validate: {
      const auto* check = std::get_if<AddCheck>(&change);
      const auto* fk = std::get_if<AddForeignKey>(&change);
      if (check)
        return alter_constraint(check->table,
                                "VALIDATE CONSTRAINT " + ident(check->constraint.name));
      if (fk) return alter_constraint(fk->table, "VALIDATE CONSTRAINT " + ident(fk->key.name));
      return change_sql(change);
    }
  }
  return change_sql(change);
}

std::vector<Statement> to_statements(const plan::Plan& plan) {
  std::vector<Statement> statements;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const plan::Step& step = plan.steps[i];
    Statement statement{step_sql(step), step.transactional, i, step.unit, {}};
    if (const auto* index = std::get_if<CreateIndex>(&step.change);
        index && step.form == plan::Form::Concurrently) {
      statement.retry_cleanup = "DROP INDEX CONCURRENTLY IF EXISTS " +
                                table_name({index->table.schema, index->index.name}) + ";";
    }
    if (step.form == plan::Form::KeyIndex)
      statement.retry_cleanup = detail::key_index_cleanup_sql(step.change);
    statements.push_back(std::move(statement));
  }
  return statements;
}

std::string unit_note(const PlanDocument& doc, std::size_t unit) {
  if (doc.units() < 2) return "";
  auto first = std::find_if(doc.steps.begin(), doc.steps.end(),
                            [&](const DocumentStep& step) { return step.unit == unit; });
  if (first == doc.steps.end()) return "";
  const std::string part = "part " + std::to_string(unit + 1) + "/" + std::to_string(doc.units());
  if (!first->transactional) {
    return part +
           ", outside any transaction: if it fails, the parts before it stay committed "
           "and an INVALID index may be left, which the next apply drops (and builds again if "
           "declared)";
  }
  if (unit == 0) {
    return part + ", main transaction: if it fails, it is rolled back and nothing is changed";
  }
  return part +
         ", a transaction of its own after the parts before it committed: if it fails, "
         "it is rolled back, the parts before it stay, and the next apply finishes the work";
}

std::string to_sql(const plan::Plan& plan) {
  return to_sql(document(plan));
}

std::string to_sql(const PlanDocument& doc) {
  if (doc.empty()) return "-- " + no_changes_sentence(doc) + "\n";
  // An online plan runs in parts: each transaction is wrapped in BEGIN/COMMIT.
  const bool units = doc.units() > 1;
  std::string out;
  for (std::size_t i = 0; i < doc.steps.size(); ++i) {
    const DocumentStep& step = doc.steps[i];
    const bool opens = units && (i == 0 || doc.steps[i - 1].unit != step.unit);
    const bool closes = units && (i + 1 == doc.steps.size() || doc.steps[i + 1].unit != step.unit);
    if (!out.empty()) out += "\n";
    if (opens) {
      out += "-- == " + unit_note(doc, step.unit) + "\n";
      if (step.transactional) out += "BEGIN;\n\n";
    }
    out += comment_line(step) + "\n";
    for (const Statement& statement : step.statements) out += statement.sql + "\n";
    if (closes && step.transactional) out += "\nCOMMIT;\n";
  }
  return out;
}

}  // namespace schemac::emit
