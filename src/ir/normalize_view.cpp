// Views: the light, offline normaliser of a view's query and the guess of what
// a query reads when the database has not said so (ViewFacts::known false).
#include <algorithm>
#include <iterator>
#include <set>
#include <string_view>
#include <utility>

#include "ir/normalize.hpp"
#include "ir/sql_lexer.hpp"

namespace schemac::ir {
namespace {

// A relation's name as views of the catalog's own strings: collecting 10,000
// tables' names copies none of them.
using NameRef = std::pair<std::string_view, std::string_view>;

// The tables (with their columns) and views a catalog holds, sorted by name.
struct Names {
  std::vector<std::pair<NameRef, const Table*>> tables;
  std::vector<NameRef> views;

  bool has_relation(const QualifiedName& name) const {
    NameRef key(name.schema, name.name);
    return table(name) || std::binary_search(views.begin(), views.end(), key);
  }
  const Table* table(const QualifiedName& name) const {
    NameRef key(name.schema, name.name);
    // Of tables sharing a name (an error reported elsewhere), the last one.
    auto it = std::upper_bound(tables.begin(), tables.end(), key,
                               [](const NameRef& k, const auto& entry) { return k < entry.first; });
    return it != tables.begin() && std::prev(it)->first == key ? std::prev(it)->second : nullptr;
  }
};

Names collect_names(const Catalog& catalog) {
  Names names;
  for (const Schema& schema : catalog.schemas) {
    for (const Table& t : schema.tables)
      names.tables.emplace_back(NameRef(schema.name, t.name), &t);
    for (const View& v : schema.views) names.views.emplace_back(schema.name, v.name);
  }
  // normalize has sorted the catalog already, so the sorts are only checks.
  auto by_name = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(names.tables.begin(), names.tables.end(), by_name))
    std::stable_sort(names.tables.begin(), names.tables.end(), by_name);
  if (!std::is_sorted(names.views.begin(), names.views.end()))
    std::sort(names.views.begin(), names.views.end());
  return names;
}

// guess_facts: relations named in the query (schema.name, or a bare name that
// resolves in public, the search_path views are created and read with), and
// every column of those tables whose name appears in it (all of them after a
// select-list '*').
// Over-approximates: a view is at worst rebuilt when it did not need to be.
void guess_facts(const Names& names, const QualifiedName& self, View& view) {
  std::vector<SqlToken> tokens = lex_sql(view.body);
  std::set<QualifiedName> relations;
  std::set<std::string> words;
  bool star = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const SqlToken& t = tokens[i];
    // A select-list star (`*`, `t.*`), not count(*) nor a product.
    if (t.kind == SqlTokenKind::Operator && t.text == "*" && i > 0) {
      const SqlToken& before = tokens[i - 1];
      star = star || is_word(before, "select") || is_word(before, "distinct") ||
             is_punct(before, ",") || is_punct(before, ".");
    }
    if (!is_name(t)) continue;
    words.insert(t.text);
    if (i > 0 && is_punct(tokens[i - 1], ".")) continue;
    QualifiedName candidate{"public", t.text};
    if (i + 2 < tokens.size() && is_punct(tokens[i + 1], ".") && is_name(tokens[i + 2]))
      candidate = {t.text, tokens[i + 2].text};
    if (candidate != self && names.has_relation(candidate)) relations.insert(candidate);
  }
  view.facts.relations.assign(relations.begin(), relations.end());
  view.facts.reads.clear();
  for (const QualifiedName& relation : relations) {
    const Table* table = names.table(relation);
    if (!table) continue;
    for (const Column& column : table->columns)
      if (star || words.count(column.name)) view.facts.reads.emplace_back(relation, column.name);
  }
}

}  // namespace

std::string normalize_view_body(std::string_view body) {
  std::vector<SqlToken> tokens = lex_sql(body);
  while (!tokens.empty() && is_punct(tokens.back(), ";")) tokens.pop_back();
  return print_tokens(tokens);
}

void guess_view_facts(Catalog& catalog) {
  bool any_unknown = false;
  for (const Schema& schema : catalog.schemas)
    for (const View& view : schema.views) any_unknown = any_unknown || !view.facts.known;
  if (!any_unknown) return;
  const Names names = collect_names(catalog);
  for (Schema& schema : catalog.schemas)
    for (View& view : schema.views)
      if (!view.facts.known) guess_facts(names, {schema.name, view.name}, view);
}

}  // namespace schemac::ir
