// Sequences and domains. A sequence's options change in place (ALTER SEQUENCE);
// its owner is a separate change, because the owning table may be created or
// dropped in the same plan. A domain's default, NOT NULL and checks change in
// place (ALTER DOMAIN); a new base type or collation needs DROP + CREATE, which
// is planned only when no column or domain uses the domain.
#include <algorithm>

#include "diff/internal.hpp"

namespace schemac::diff::detail {
namespace {

template <typename T>
const T* find_named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.name == name; });
  return it == items.end() ? nullptr : &*it;
}

// owner_survives: the owning column is still there after the plan, so the
// sequence is not dropped along with it (DROP TABLE / DROP COLUMN drop the
// sequences their columns own).
bool owner_survives(const ir::Schema& want, const ir::SequenceOwner& owner) {
  const ir::Table* table = find_named(want.tables, owner.table);
  return table && ir::find_column(*table, owner.column);
}

void diff_sequence(const QualifiedName& name, const ir::Sequence* have, const ir::Sequence& want,
                   const ir::Schema& want_schema, std::vector<Change>& out) {
  if (!have) {
    ir::Sequence created = want;
    created.owned_by.reset();
    out.push_back(CreateSequence{name, created});
    if (want.owned_by) out.push_back(SetSequenceOwner{name, want.owned_by});
    diff_comment(CommentTarget::Sequence, name, "", std::nullopt, want.comment, out);
    return;
  }
  ir::Sequence from = *have, to = want;
  from.owned_by.reset();
  from.comment.reset();
  to.owned_by.reset();
  to.comment.reset();
  if (!(from == to)) out.push_back(AlterSequence{name, from, to});
  if (have->owned_by != want.owned_by) {
    // Released before the old owner can take the sequence with it; owned by
    // the new one once that exists.
    if (have->owned_by && (!want.owned_by || !owner_survives(want_schema, *have->owned_by)))
      out.push_back(SetSequenceOwner{name, std::nullopt});
    if (want.owned_by) out.push_back(SetSequenceOwner{name, want.owned_by});
  }
  diff_comment(CommentTarget::Sequence, name, "", have->comment, want.comment, out);
}

// uses_domain: a column or a domain of the catalog has the domain as its type.
bool uses_domain(const ir::Catalog& catalog, const QualifiedName& domain) {
  auto is_it = [&](const ir::TypeRef& type) {
    return type.schema == domain.schema && type.name == domain.name;
  };
  for (const ir::Schema& schema : catalog.schemas) {
    for (const ir::Domain& d : schema.domains)
      if (is_it(d.type)) return true;
    for (const ir::Table& t : schema.tables)
      for (const ir::Column& c : t.columns)
        if (is_it(c.type)) return true;
  }
  return false;
}

void alter_domain(const QualifiedName& name, const ir::Domain& have, const ir::Domain& want,
                  std::vector<Change>& out) {
  if (have.default_expr != want.default_expr)
    out.push_back(AlterDomain{name, SetDomainDefault{want.default_expr}});
  if (have.not_null != want.not_null)
    out.push_back(AlterDomain{name, SetDomainNotNull{want.not_null}});
  // A check that only changed its name (the implicit name after a domain
  // rename, say) is renamed rather than dropped and added again.
  std::vector<std::string> renamed_to;
  for (const ir::CheckConstraint& check : have.checks) {
    const ir::CheckConstraint* kept = find_named(want.checks, check.name);
    if (kept && kept->expr == check.expr) continue;
    auto same = std::find_if(want.checks.begin(), want.checks.end(), [&](const auto& c) {
      return c.expr == check.expr && !find_named(have.checks, c.name) &&
             std::find(renamed_to.begin(), renamed_to.end(), c.name) == renamed_to.end();
    });
    if (!kept && same != want.checks.end()) {
      renamed_to.push_back(same->name);
      out.push_back(AlterDomain{name, RenameDomainCheck{check.name, same->name}});
    } else {
      out.push_back(AlterDomain{name, DropDomainCheck{check}});
    }
  }
  for (const ir::CheckConstraint& check : want.checks) {
    const ir::CheckConstraint* old = find_named(have.checks, check.name);
    bool renamed = std::find(renamed_to.begin(), renamed_to.end(), check.name) != renamed_to.end();
    if (!renamed && (!old || old->expr != check.expr))
      out.push_back(AlterDomain{name, AddDomainCheck{check}});
  }
}

void diff_domain(const QualifiedName& name, const ir::Domain* have, const ir::Domain& want,
                 const ir::Catalog& current, std::vector<Change>& out, base::Diagnostics& diags) {
  if (!have) {
    out.push_back(CreateDomain{name, want});
    diff_comment(CommentTarget::Domain, name, "", std::nullopt, want.comment, out);
    return;
  }
  if (have->type == want.type && have->collation == want.collation) {
    alter_domain(name, *have, want, out);
    diff_comment(CommentTarget::Domain, name, "", have->comment, want.comment, out);
    return;
  }
  if (uses_domain(current, name)) {
    diags.error(base::DiagKind::DomainTypeChangeRefused, want.provenance.span,
                "changing the base type or collation of domain " + display(name) +
                    " is not supported while columns or domains use it (DROP DOMAIN would "
                    "need CASCADE); declare a new domain and move them to it");
    return;
  }
  out.push_back(DropDomain{name, *have, true});
  out.push_back(CreateDomain{name, want});
  diff_comment(CommentTarget::Domain, name, "", std::nullopt, want.comment, out);
}

}  // namespace

void diff_sequences(const std::string& schema, const ir::Schema& have, const ir::Schema& want,
                    std::vector<Change>& out) {
  for (const ir::Sequence& s : want.sequences)
    diff_sequence({schema, s.name}, find_named(have.sequences, s.name), s, want, out);
  for (const ir::Sequence& s : have.sequences) {
    if (find_named(want.sequences, s.name)) continue;
    // A sequence owned by a column that goes away is dropped with it.
    if (s.owned_by && !owner_survives(want, *s.owned_by)) continue;
    out.push_back(DropSequence{{schema, s.name}, s});
  }
}

void diff_domains(const std::string& schema, const ir::Schema& have, const ir::Schema& want,
                  const ir::Catalog& current, std::vector<Change>& out, base::Diagnostics& diags) {
  for (const ir::Domain& d : want.domains)
    diff_domain({schema, d.name}, find_named(have.domains, d.name), d, current, out, diags);
  for (const ir::Domain& d : have.domains)
    if (!find_named(want.domains, d.name)) out.push_back(DropDomain{{schema, d.name}, d, false});
}

}  // namespace schemac::diff::detail
