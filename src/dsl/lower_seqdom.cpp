// Sequences and domains: declarations (duplicates), then their bodies once every
// type and table is known. Sequence options are checked the way PostgreSQL's
// DefineSequence checks them, with the defaults of ir/sequence.
#include <charconv>
#include <map>
#include <variant>

#include "dsl/lower_context.hpp"
#include "ir/sequence.hpp"
#include "ir/types.hpp"

namespace schemac::dsl::lower_detail {
namespace {

using base::DiagKind;
using Kind = ast::SequenceOption::Kind;

template <typename Decl>
bool declare(Context& ctx, Declared& declared, const Decl& decl, const ir::QualifiedName& name,
             DiagKind kind, const char* what) {
  auto [it, inserted] = declared.emplace(name, decl.name.span);
  if (inserted) return true;
  auto& diag =
      ctx.diags.error(kind, decl.name.span, std::string("duplicate ") + what + " " + display(name));
  add_note(diag, it->second);
  return false;
}

/// SequenceBody lowers one sequence declaration.
struct SequenceBody {
  Context& ctx;
  const SequenceWork& work;
  ir::Sequence sequence;
  std::map<Kind, base::SourceSpan> seen;

  void error(base::SourceSpan span, const std::string& message) {
    ctx.diags.error(DiagKind::InvalidSequenceOption, span,
                    message + " in sequence " + display(work.name));
  }

  std::optional<std::int64_t> number(const ast::SequenceOption& option) {
    std::int64_t value = 0;
    const std::string& text = option.number;
    const char* begin = text.data() + (text.starts_with('+') ? 1 : 0);
    auto [ptr, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      error(option.span, "value " + text + " is out of range for bigint");
      return std::nullopt;
    }
    return value;
  }

  void data_type(const ast::SequenceOption& option) {
    const ast::TypeName& type = *option.type;
    std::optional<std::string> name =
        type.quoted || type.schema ? std::nullopt : ir::canonical_builtin_type(type.name);
    if (!name || !ir::sequence_type_bounds(*name) || !type.args.empty() || type.array_dims) {
      error(type.span, "type \"" + type.name + "\" is not smallint, integer or bigint");
      return;
    }
    sequence.data_type = *name;
  }

  void option(const ast::SequenceOption& option) {
    // NO MINVALUE and MINVALUE set one thing, as do CYCLE and NO CYCLE.
    Kind key = option.kind == Kind::NoMinValue   ? Kind::MinValue
               : option.kind == Kind::NoMaxValue ? Kind::MaxValue
               : option.kind == Kind::NoCycle    ? Kind::Cycle
                                                 : option.kind;
    auto [it, fresh] = seen.emplace(key, option.span);
    if (!fresh) {
      auto& diag = ctx.diags.error(DiagKind::ConflictingModifiers, option.span,
                                   "option repeated in sequence " + display(work.name));
      add_note(diag, it->second, "first one is here");
      return;
    }
    switch (option.kind) {
      case Kind::As:
        data_type(option);
        break;
      case Kind::Start:
        sequence.start = number(option);
        break;
      case Kind::Increment:
        sequence.increment = number(option).value_or(1);
        if (sequence.increment == 0) error(option.span, "increment must not be zero");
        break;
      case Kind::MinValue:
        sequence.min_value = number(option);
        break;
      case Kind::MaxValue:
        sequence.max_value = number(option);
        break;
      case Kind::Cache:
        sequence.cache = number(option).value_or(1);
        if (sequence.cache < 1) error(option.span, "cache must be at least 1");
        break;
      case Kind::Cycle:
        sequence.cycle = true;
        break;
      case Kind::NoCycle:
        sequence.cycle = false;
        break;
      case Kind::RenamedFrom:
        ctx.gate(Construct::RenamedFrom, option.span);
        sequence.provenance.renamed_from = ident_text(*option.old_name);
        break;
      case Kind::NoMinValue:
      case Kind::NoMaxValue:
      case Kind::OwnedBy:
        break;
    }
  }

  // check_range: the checks of PostgreSQL's init_params on the effective values.
  void check_range() {
    ir::Sequence effective = sequence;
    ir::normalize_sequence(effective);
    auto bounds = ir::sequence_type_bounds(effective.data_type);
    if (!bounds || !effective.min_value || !effective.max_value || !effective.start) return;
    base::SourceSpan at = work.decl->span;
    auto span_of = [&](Kind kind) { return seen.count(kind) ? seen[kind] : at; };
    const std::string type = effective.data_type;
    if (*effective.min_value < bounds->first || *effective.min_value > bounds->second)
      return error(span_of(Kind::MinValue), "minvalue is out of range for " + type);
    if (*effective.max_value < bounds->first || *effective.max_value > bounds->second)
      return error(span_of(Kind::MaxValue), "maxvalue is out of range for " + type);
    if (*effective.min_value >= *effective.max_value)
      return error(span_of(Kind::MinValue), "minvalue must be less than maxvalue");
    if (*effective.start < *effective.min_value || *effective.start > *effective.max_value)
      error(span_of(Kind::Start), "start value must be between minvalue and maxvalue");
  }

  void owner(const ast::SequenceOption& option) {
    const std::vector<ast::Ident>& parts = option.owner;
    ast::QualifiedIdent table;
    if (parts.size() == 3) table.schema = parts[0];
    table.name = parts[parts.size() - 2];
    table.span = option.span;
    const ast::Ident& column = parts.back();
    TableWork* target = ctx.find_table(table, work.name.schema);
    if (!target) {
      ctx.diags.error(DiagKind::UnknownTable, table.name.span,
                      "owning table \"" + qualified_text(table) + "\" does not exist");
      return;
    }
    if (target->name.schema != work.name.schema) {
      error(option.span,
            "owning table " + display(target->name) + " is not in the sequence's schema");
      return;
    }
    std::string column_name = ident_text(column);
    if (!ir::find_column(*target->table, column_name)) {
      ctx.diags.error(
          DiagKind::UnknownColumn, column.span,
          "column \"" + column_name + "\" does not exist in table " + display(target->name));
      return;
    }
    sequence.owned_by = ir::SequenceOwner{target->name.name, column_name};
  }
};

void lower_domain_modifier(Context& ctx, ir::Domain& domain, const ast::ColumnModifier& modifier) {
  if (std::get_if<ast::NotNullMod>(&modifier)) {
    domain.not_null = true;
  } else if (const auto* m = std::get_if<ast::DefaultMod>(&modifier)) {
    domain.default_expr = m->expr.text;
  } else if (const auto* m = std::get_if<ast::CheckMod>(&modifier)) {
    ir::CheckConstraint check;
    if (m->constraint_name) check.name = ident_text(*m->constraint_name);
    check.expr = m->expr.text;
    check.provenance.span = m->span;
    domain.checks.push_back(std::move(check));
  } else if (const auto* m = std::get_if<ast::CollateMod>(&modifier)) {
    ctx.gate(Construct::Collate, m->span);
    domain.collation = qualified_text(*m->collation);
  } else if (const auto* m = std::get_if<ast::RenamedFromMod>(&modifier)) {
    ctx.gate(Construct::RenamedFrom, m->span);
    domain.provenance.renamed_from = ident_text(m->old_name);
  }
}

// check_domain_modifiers: repeats and null + not null, as for columns.
void check_domain_modifiers(Context& ctx, const DomainWork& work) {
  std::map<std::size_t, base::SourceSpan> first;
  for (const ast::ColumnModifier& modifier : work.decl->modifiers) {
    base::SourceSpan span = std::visit([](const auto& m) { return m.span; }, modifier);
    std::size_t kind = modifier.index();
    bool not_null = std::holds_alternative<ast::NotNullMod>(modifier);
    bool null = std::holds_alternative<ast::NullMod>(modifier);
    std::size_t other = not_null ? ast::ColumnModifier(ast::NullMod{}).index()
                                 : ast::ColumnModifier(ast::NotNullMod{}).index();
    if ((not_null || null) && first.count(other)) {
      auto& diag =
          ctx.diags.error(DiagKind::ConflictingModifiers, span,
                          "conflicting null and not null for domain " + display(work.name));
      add_note(diag, first[other], "conflicting modifier is here");
    } else if (first.count(kind) && !std::holds_alternative<ast::CheckMod>(modifier)) {
      auto& diag = ctx.diags.error(DiagKind::ConflictingModifiers, span,
                                   "modifier repeated for domain " + display(work.name));
      add_note(diag, first[kind], "first one is here");
    }
    first.emplace(kind, span);
  }
}

}  // namespace

void declare_sequence(Context& ctx, const ast::SequenceDecl& decl, const std::string& schema) {
  ir::QualifiedName name{schema, ident_text(decl.name)};
  if (!declare(ctx, ctx.sequences, decl, name, DiagKind::DuplicateSequence, "sequence")) return;
  ctx.schema(schema);
  ctx.sequence_work.push_back({name, &decl});
}

void declare_domain(Context& ctx, const ast::DomainDecl& decl, const std::string& schema) {
  ir::QualifiedName name{schema, ident_text(decl.name)};
  if (!declare(ctx, ctx.domains, decl, name, DiagKind::DuplicateDomain, "domain")) return;
  ctx.schema(schema);
  ctx.domain_work.push_back({name, &decl});
}

void lower_domains(Context& ctx) {
  for (const DomainWork& work : ctx.domain_work) {
    const ast::DomainDecl& decl = *work.decl;
    ir::Domain domain;
    domain.name = work.name.name;
    if (auto type = resolve_type(ctx, decl.type, work.name.schema)) {
      if (type->schema == work.name.schema && type->name == work.name.name) {
        ctx.diags.error(DiagKind::UnknownType, decl.type.span,
                        "domain " + display(work.name) + " cannot be based on itself");
      }
      domain.type = *type;
    }
    check_domain_modifiers(ctx, work);
    for (const ast::ColumnModifier& modifier : decl.modifiers)
      lower_domain_modifier(ctx, domain, modifier);
    if (decl.doc) {
      ctx.gate(Construct::Comment, decl.doc->span);
      domain.comment = decl.doc->text;
    }
    domain.provenance.span = decl.span;
    ctx.schema(work.name.schema).domains.push_back(std::move(domain));
  }
}

void lower_sequences(Context& ctx) {
  for (const SequenceWork& work : ctx.sequence_work) {
    SequenceBody body{ctx, work, {}, {}};
    body.sequence.name = work.name.name;
    for (const ast::SequenceOption& option : work.decl->options) body.option(option);
    body.check_range();
    for (const ast::SequenceOption& option : work.decl->options)
      if (option.kind == Kind::OwnedBy) body.owner(option);
    if (work.decl->doc) {
      ctx.gate(Construct::Comment, work.decl->doc->span);
      body.sequence.comment = work.decl->doc->text;
    }
    body.sequence.provenance.span = work.decl->span;
    ctx.schema(work.name.schema).sequences.push_back(std::move(body.sequence));
  }
}

}  // namespace schemac::dsl::lower_detail
