// Views: the light, offline normaliser of a view's query and the guess of what
// a query reads when the database has not said so (ViewFacts::known false).
#include <algorithm>
#include <map>
#include <set>

#include "ir/normalize.hpp"
#include "ir/sql_lexer.hpp"

namespace schemac::ir {
namespace {

using Relations = std::set<QualifiedName>;

// The relations a catalog holds, and each table's columns.
struct Names {
  Relations relations;
  std::map<QualifiedName, const Table*> tables;
};

Names collect_names(const Catalog& catalog) {
  Names names;
  for (const Schema& schema : catalog.schemas) {
    for (const Table& t : schema.tables) {
      names.relations.insert({schema.name, t.name});
      names.tables[{schema.name, t.name}] = &t;
    }
    for (const View& v : schema.views) names.relations.insert({schema.name, v.name});
  }
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
    if (candidate != self && names.relations.count(candidate)) relations.insert(candidate);
  }
  view.facts.relations.assign(relations.begin(), relations.end());
  view.facts.reads.clear();
  for (const QualifiedName& relation : relations) {
    auto table = names.tables.find(relation);
    if (table == names.tables.end()) continue;
    for (const Column& column : table->second->columns)
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
  const Names names = collect_names(catalog);
  for (Schema& schema : catalog.schemas)
    for (View& view : schema.views)
      if (!view.facts.known) guess_facts(names, {schema.name, view.name}, view);
}

}  // namespace schemac::ir
