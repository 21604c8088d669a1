// Summaries name objects the way SQL would (quoted where SQL needs quotes), so a
// hostile or unusual name cannot make a summary ambiguous.
#include "plan/describe.hpp"

#include "base/quote.hpp"
#include "ir/types.hpp"

namespace schemac::plan {
namespace {

using namespace diff;

std::string qn(const QualifiedName& name) {
  return base::quote_qualified(name.schema, name.name);
}

std::string member(const QualifiedName& table, const std::string& name) {
  return qn(table) + "." + base::quote_ident(name);
}

std::string on(const std::string& what, const std::string& name, const QualifiedName& table) {
  return what + " " + base::quote_ident(name) + " on " + qn(table);
}

std::string view_kind(const ir::View& view) {
  return view.materialized ? "materialized view " : "view ";
}

std::string identity_word(ir::IdentityKind kind) {
  return kind == ir::IdentityKind::Always ? "always" : "by default";
}

std::string identity_text(const SetIdentity& a) {
  if (a.to == ir::IdentityKind::None) return "drop identity";
  if (a.from == ir::IdentityKind::None) return "add identity (" + identity_word(a.to) + ")";
  return "set generated " + identity_word(a.to);
}

std::string comment_object(const SetComment& c) {
  switch (c.target) {
    case CommentTarget::Schema:
      return "schema " + base::quote_ident(c.object.schema);
    case CommentTarget::Table:
      return "table " + qn(c.object);
    case CommentTarget::Column:
      return "column " + member(c.object, c.member);
    case CommentTarget::Enum:
      return "enum " + qn(c.object);
    case CommentTarget::Index:
      return "index " + qn({c.object.schema, c.member});
    case CommentTarget::Constraint:
      return on("constraint", c.member, c.object);
    case CommentTarget::View:
      return "view " + qn(c.object);
    case CommentTarget::MaterializedView:
      return "materialized view " + qn(c.object);
    case CommentTarget::Sequence:
      return "sequence " + qn(c.object);
    case CommentTarget::Domain:
      return "domain " + qn(c.object);
  }
  return "";
}

std::string domain_action_text(const DomainAction& action) {
  return std::visit(
      Overloaded{
          [](const SetDomainDefault& a) {
            return a.expr ? "set default " + *a.expr : std::string("drop default");
          },
          [](const SetDomainNotNull& a) {
            return std::string(a.not_null ? "set not null" : "drop not null");
          },
          [](const AddDomainCheck& a) { return "add check " + base::quote_ident(a.check.name); },
          [](const DropDomainCheck& a) { return "drop check " + base::quote_ident(a.check.name); },
          [](const RenameDomainCheck& a) {
            return "rename check " + base::quote_ident(a.from) + " to " + base::quote_ident(a.to);
          },
      },
      action);
}

std::string action_text(const QualifiedName& table, const ColumnAction& action) {
  auto alter = [&](const std::string& column, const std::string& what) {
    return "alter column " + member(table, column) + ": " + what;
  };
  return std::visit(
      Overloaded{
          [&](const AddColumn& a) { return "add column " + member(table, a.column.name); },
          [&](const DropColumn& a) { return "drop column " + member(table, a.column.name); },
          [&](const AlterColumnType& a) { return alter(a.column, "type " + ir::type_sql(a.to)); },
          [&](const SetColumnDefault& a) { return alter(a.column, "set default " + a.expr); },
          [&](const DropColumnDefault& a) { return alter(a.column, "drop default"); },
          [&](const SetNotNull& a) { return alter(a.column, "set not null"); },
          [&](const DropNotNull& a) { return alter(a.column, "drop not null"); },
          [&](const DropExpression& a) { return alter(a.column, "drop generation expression"); },
          [&](const SetIdentity& a) { return alter(a.column, identity_text(a)); },
      },
      action);
}

Verb action_verb(const ColumnAction& action) {
  if (std::holds_alternative<AddColumn>(action)) return Verb::Create;
  if (std::holds_alternative<DropColumn>(action)) return Verb::Drop;
  return Verb::Alter;
}

Verb change_verb(const Change& change) {
  return std::visit(Overloaded{
                        [](const CreateSchema&) { return Verb::Create; },
                        [](const CreateExtension&) { return Verb::Create; },
                        [](const CreateEnum&) { return Verb::Create; },
                        [](const CreateTable&) { return Verb::Create; },
                        [](const AddPrimaryKey&) { return Verb::Create; },
                        [](const AddUnique&) { return Verb::Create; },
                        [](const AddCheck&) { return Verb::Create; },
                        [](const AddForeignKey&) { return Verb::Create; },
                        [](const CreateIndex&) { return Verb::Create; },
                        [](const CreateView&) { return Verb::Create; },
                        [](const DropView&) { return Verb::Drop; },
                        [](const DropSchema&) { return Verb::Drop; },
                        [](const DropExtension&) { return Verb::Drop; },
                        [](const DropEnum&) { return Verb::Drop; },
                        [](const DropTable&) { return Verb::Drop; },
                        [](const DropPrimaryKey&) { return Verb::Drop; },
                        [](const DropUnique&) { return Verb::Drop; },
                        [](const DropCheck&) { return Verb::Drop; },
                        [](const DropForeignKey&) { return Verb::Drop; },
                        [](const DropIndex&) { return Verb::Drop; },
                        [](const CreateSequence&) { return Verb::Create; },
                        [](const CreateDomain&) { return Verb::Create; },
                        [](const DropSequence&) { return Verb::Drop; },
                        [](const DropDomain&) { return Verb::Drop; },
                        [](const auto&) { return Verb::Alter; },
                    },
                    change);
}

}  // namespace

std::string summarize(const Change& change) {
  return std::visit(
      Overloaded{
          [](const CreateSchema& c) { return "create schema " + base::quote_ident(c.name); },
          [](const DropSchema& c) { return "drop schema " + base::quote_ident(c.name); },
          [](const CreateExtension& c) {
            std::string out = "create extension " + base::quote_ident(c.extension.name);
            if (c.extension.version) out += " version " + *c.extension.version;
            return out;
          },
          [](const UpdateExtension& c) {
            return "update extension " + base::quote_ident(c.name) + " to " + c.to_version;
          },
          [](const DropExtension& c) {
            return "drop extension " + base::quote_ident(c.extension.name);
          },
          [](const CreateEnum& c) { return "create enum " + qn(c.name); },
          [](const AddEnumValue& c) {
            return "add value " + base::quote_literal(c.value) + " to enum " + qn(c.enum_name);
          },
          [](const DropEnum& c) { return "drop enum " + qn(c.name); },
          [](const CreateTable& c) { return "create table " + qn(c.name); },
          [](const DropTable& c) { return "drop table " + qn(c.name); },
          // A single action reads better than the table it belongs to.
          [](const AlterTable& c) {
            if (c.actions.size() == 1) return action_text(c.table, c.actions.front());
            return "alter table " + qn(c.table);
          },
          [](const AddPrimaryKey& c) { return on("add primary key", c.key.name, c.table); },
          [](const DropPrimaryKey& c) { return on("drop primary key", c.key.name, c.table); },
          [](const AddUnique& c) { return on("add unique", c.constraint.name, c.table); },
          [](const DropUnique& c) { return on("drop unique", c.constraint.name, c.table); },
          [](const AddCheck& c) { return on("add check", c.constraint.name, c.table); },
          [](const DropCheck& c) {
            return on("drop check", c.constraint.name, c.table) +
                   (c.constraint.valid ? "" : " (NOT VALID: a validation failed)");
          },
          [](const AddForeignKey& c) { return on("add foreign key", c.key.name, c.table); },
          [](const DropForeignKey& c) {
            return on("drop foreign key", c.key.name, c.table) +
                   (c.key.valid ? "" : " (NOT VALID: a validation failed)");
          },
          [](const CreateIndex& c) { return on("create index", c.index.name, c.table); },
          [](const DropIndex& c) {
            return "drop index " + qn({c.table.schema, c.index.name}) +
                   (c.index.valid ? "" : " (INVALID: a concurrent build failed)");
          },
          [](const SetComment& c) {
            return (c.comment ? "set comment on " : "remove comment on ") + comment_object(c);
          },
          [](const RenameTable& c) {
            return "rename table " + qn(c.from) + " to " + base::quote_ident(c.to);
          },
          [](const RenameColumn& c) {
            return "rename column " + member(c.table, c.from) + " to " + base::quote_ident(c.to);
          },
          [](const RenameIndex& c) {
            return "rename index " + qn({c.table.schema, c.from}) + " to " +
                   base::quote_ident(c.to);
          },
          [](const RenameConstraint& c) {
            return on("rename constraint", c.from, c.table) + " to " + base::quote_ident(c.to);
          },
          [](const CreateView& c) { return "create " + view_kind(c.view) + qn(c.name); },
          [](const ReplaceView& c) { return "replace view " + qn(c.name); },
          [](const DropView& c) { return "drop " + view_kind(c.view) + qn(c.name); },
          [](const RenameView& c) {
            return std::string(c.materialized ? "rename materialized view " : "rename view ") +
                   qn(c.from) + " to " + base::quote_ident(c.to);
          },

          [](const CreateSequence& c) { return "create sequence " + qn(c.name); },
          [](const AlterSequence& c) { return "alter sequence " + qn(c.name); },
          [](const SetSequenceOwner& c) {
            if (!c.owner) return "remove owner of sequence " + qn(c.name);
            return "set owner of sequence " + qn(c.name) + " to " +
                   member({c.name.schema, c.owner->table}, c.owner->column);
          },
          [](const DropSequence& c) { return "drop sequence " + qn(c.name); },
          [](const CreateDomain& c) { return "create domain " + qn(c.name); },
          [](const AlterDomain& c) {
            return "alter domain " + qn(c.name) + ": " + domain_action_text(c.action);
          },
          [](const DropDomain& c) { return "drop domain " + qn(c.name); },
          [](const RenameSequence& c) {
            return "rename sequence " + qn(c.from) + " to " + base::quote_ident(c.to);
          },
          [](const RenameDomain& c) {
            return "rename domain " + qn(c.from) + " to " + base::quote_ident(c.to);
          },
      },
      change);
}

std::vector<Line> describe(const Step& step) {
  const auto* alter = std::get_if<AlterTable>(&step.change);
  // The steps of the online pass are one line each, in the words it chose.
  if (alter && step.form == Form::Plain) {
    std::vector<Line> lines;
    for (const ColumnAction& action : alter->actions)
      lines.push_back(
          {action_verb(action), action_text(alter->table, action), action_hazards(action)});
    return lines;
  }
  const bool alters =
      step.helper || step.form == Form::Validate || step.form == Form::ProvenNotNull;
  const Verb verb = alters ? Verb::Alter : change_verb(step.change);
  return {{verb, step.summary, step.hazards}};
}

}  // namespace schemac::plan
