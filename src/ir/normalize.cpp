#include "ir/normalize.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "base/quote.hpp"
#include "ir/sequence.hpp"
#include "ir/types.hpp"

namespace schemac::ir {
namespace {

// sort_by_name sorts stably by name. Inspected catalogs come sorted and
// normalize is idempotent, so it checks first; otherwise it sorts positions and
// moves each item once (a merge sort of the items themselves moves each of
// 10,000 tables some fourteen times).
template <typename T>
void sort_by_name(std::vector<T>& items) {
  auto by_name = [](const T& a, const T& b) { return a.name < b.name; };
  if (std::is_sorted(items.begin(), items.end(), by_name)) return;
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return items[a].name < items[b].name; });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (std::size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

// normalize_optional: an expression that may be absent (std::optional or base::Boxed).
template <typename Optional>
void normalize_optional(Optional& expr, const std::vector<std::string>& text_columns) {
  if (expr) normalize_expr_in_place(*expr, text_columns);
}

bool is_text_type(const TypeRef& type) {
  return type.schema.empty() && !type.is_array &&
         (type.name == "text" || type.name == "character varying");
}

bool is_text_domain(const TypeRef& type, const std::vector<QualifiedName>& text_domains) {
  return !type.is_array &&
         std::any_of(text_domains.begin(), text_domains.end(), [&](const QualifiedName& d) {
           return d.name == type.name && d.schema == type.schema;
         });
}

// The columns whose implicit cast to text PostgreSQL spells out in expressions:
// those of a text type or of a domain over one (text_domains).
std::vector<std::string> text_columns(const Table& table,
                                      const std::vector<QualifiedName>& text_domains) {
  std::vector<std::string> names;
  for (const Column& column : table.columns) {
    const TypeRef& type = column.type;
    if (is_text_type(type) || is_text_domain(type, text_domains)) names.push_back(column.name);
  }
  return names;
}

// The domains over text or varchar, directly or through other domains.
std::vector<QualifiedName> find_text_domains(const Catalog& catalog) {
  std::vector<QualifiedName> found;
  for (bool grew = true; grew;) {
    grew = false;
    for (const Schema& schema : catalog.schemas)
      for (const Domain& domain : schema.domains) {
        QualifiedName name{schema.name, domain.name};
        if (std::find(found.begin(), found.end(), name) != found.end()) continue;
        if (!is_text_type(domain.type) && !is_text_domain(domain.type, found)) continue;
        found.push_back(name);
        grew = true;
      }
  }
  return found;
}

// In a domain's expressions the value is `value`; PostgreSQL casts it like a column.
void normalize_domain(Domain& domain, const std::vector<QualifiedName>& text_domains) {
  std::vector<std::string> value;
  if (is_text_type(domain.type) || is_text_domain(domain.type, text_domains))
    value.push_back("value");
  normalize_optional(domain.default_expr, {});
  for (CheckConstraint& check : domain.checks) normalize_expr_in_place(check.expr, value);
  sort_by_name(domain.checks);
}

}  // namespace

std::string nextval_text(const std::string& schema, const std::string& sequence) {
  std::string name = base::quote_ident(sequence);
  if (schema != "public") name = base::quote_ident(schema) + "." + name;
  return "nextval('" + name + "')";
}

namespace {

// is_serial_shaped: the options `serial` gives a column of type `type`.
bool is_serial_shaped(const Sequence& s, const std::string& type) {
  std::int64_t max = type == "smallint"  ? 32767
                     : type == "integer" ? 2147483647
                                         : std::numeric_limits<std::int64_t>::max();
  return s.data_type == type && s.start == 1 && s.increment == 1 && s.min_value == 1 &&
         s.max_value == max && s.cache == 1 && !s.cycle && !s.comment;
}

// fold_serial_sequences: a sequence owned by a NOT NULL integer column whose
// default is its nextval(), with serial's options and no comment, is exactly
// what `serial` makes, and the inspector reads it as a serial column; the
// spelled-out form folds into that one shape, so the two never differ.
void fold_serial_sequences(Schema& schema) {
  if (schema.sequences.empty()) return;
  // Each sequence by the nextval() text that calls it, built once: a lookup per
  // column rather than a scan of every sequence (columns x sequences).
  std::unordered_map<std::string, std::size_t> by_nextval;
  by_nextval.reserve(schema.sequences.size());
  for (std::size_t i = 0; i < schema.sequences.size(); ++i)
    by_nextval.emplace(nextval_text(schema.name, schema.sequences[i].name), i);
  std::vector<bool> folded(schema.sequences.size(), false);
  for (Table& table : schema.tables) {
    for (Column& column : table.columns) {
      if (column.serial || !column.default_expr || !column.not_null ||
          !column.type.schema.empty() || column.type.is_array)
        continue;
      const std::string& type = column.type.name;
      if (type != "smallint" && type != "integer" && type != "bigint") continue;
      auto found = by_nextval.find(*column.default_expr);
      if (found == by_nextval.end() || folded[found->second]) continue;
      const Sequence& sequence = schema.sequences[found->second];
      // Only under the name serial gives it, so that creating the column as
      // serial makes this very sequence.
      if (!is_serial_shaped(sequence, type) ||
          sequence.name != table.name + "_" + column.name + "_seq" ||
          sequence.owned_by != SequenceOwner{table.name, column.name})
        continue;
      column.serial_sequence.name = sequence.name;
      folded[found->second] = true;
      column.serial = true;
      column.default_expr.reset();
    }
  }
  std::size_t kept = 0;  // the sequences not folded, in their order
  for (std::size_t i = 0; i < schema.sequences.size(); ++i) {
    if (folded[i]) continue;
    if (kept != i) schema.sequences[kept] = std::move(schema.sequences[i]);
    ++kept;
  }
  schema.sequences.resize(kept);
}

}  // namespace

namespace {

// builtin_typeref is canonical_builtin_typeref of the type's name and
// modifiers. A catalog spells the same few types thousands of times and each
// resolution lower-cases and parses, so every spelling is resolved once per
// thread (a pure function; the entries are stable, being map nodes).
const std::optional<TypeRef>& builtin_typeref(const TypeRef& type) {
  thread_local std::unordered_map<std::string, std::optional<TypeRef>> cache;
  thread_local std::string key;  // reused: a lookup allocates nothing
  key.assign(type.name);
  for (const std::string& modifier : type.modifiers) {
    key += '\0';  // no name or modifier holds a NUL
    key += modifier;
  }
  auto found = cache.find(key);
  if (found == cache.end())
    found = cache.emplace(key, canonical_builtin_typeref(type.name, type.modifiers)).first;
  return found->second;
}

// geo_subtype is the subtype parse_geo_subtype reads in `written`, resolved
// once per spelling and thread like builtin_typeref.
const std::optional<std::string>& geo_subtype(const std::string& written) {
  thread_local std::unordered_map<std::string, std::optional<std::string>> cache;
  auto found = cache.find(written);
  if (found == cache.end()) {
    std::optional<GeoType> parsed = parse_geo_subtype(written);
    found = cache.emplace(written, parsed ? std::optional(parsed->subtype) : std::nullopt).first;
  }
  return found->second;
}

}  // namespace

void normalize_type(TypeRef& type) {
  if (type.schema.empty() || type.schema == "pg_catalog") {
    if (const std::optional<TypeRef>& builtin = builtin_typeref(type)) {
      bool is_array = type.is_array;
      type.is_array = builtin->is_array;
      // Both catalogs come mostly canonical already: comparing is cheaper than assigning.
      if (type != *builtin) type = *builtin;  // assigning reuses the strings' storage
      type.is_array = is_array;
      return;
    }
  }
  if (is_postgis_type(type.name) && !type.geo) type.geo = GeoType{};
  if (type.geo) {
    type.modifiers.clear();
    if (const std::optional<std::string>& sub = geo_subtype(type.geo->subtype))
      type.geo->subtype = *sub;
  }
}

void normalize_table(Table& table) {
  normalize_table(table, {});
}

void normalize_table(Table& table, const std::vector<QualifiedName>& text_domains) {
  for (Column& column : table.columns) normalize_type(column.type);
  const std::vector<std::string> texts = text_columns(table, text_domains);
  for (Column& column : table.columns) {
    normalize_optional(column.default_expr, {});
    normalize_optional(column.generated_expr, texts);
  }
  for (CheckConstraint& check : table.checks) normalize_expr_in_place(check.expr, texts);
  for (Index& index : table.indexes) {
    for (IndexElement& element : index.elements) normalize_optional(element.expr, texts);
    normalize_optional(index.where, texts);
  }
  sort_by_name(table.uniques);
  sort_by_name(table.checks);
  sort_by_name(table.foreign_keys);
  sort_by_name(table.indexes);
}

void normalize(Catalog& catalog) {
  sort_by_name(catalog.extensions);
  sort_by_name(catalog.schemas);
  for (Schema& schema : catalog.schemas)
    for (Domain& domain : schema.domains) normalize_type(domain.type);
  const std::vector<QualifiedName> text_domains = find_text_domains(catalog);
  for (Schema& schema : catalog.schemas) {
    for (Domain& domain : schema.domains) normalize_domain(domain, text_domains);
    sort_by_name(schema.domains);
    for (Sequence& sequence : schema.sequences) normalize_sequence(sequence);
    sort_by_name(schema.sequences);
  }
  for (Schema& schema : catalog.schemas) {
    sort_by_name(schema.enums);
    sort_by_name(schema.tables);
    for (Table& table : schema.tables) normalize_table(table, text_domains);
    fold_serial_sequences(schema);
    sort_by_name(schema.views);
    for (View& view : schema.views) {
      view.body = normalize_view_body(view.body);
      if (!view.facts.written.empty()) view.facts.written = normalize_view_body(view.facts.written);
    }
  }
  guess_view_facts(catalog);
}

}  // namespace schemac::ir
