// Objects are described by ir::to_debug_string, one object at a time, so the
// description (and so the fingerprint) follows the IR as it grows: whatever the
// inspector reads and the differ compares is part of it.
#include "emit/database_state.hpp"

#include <map>

#include "base/quote.hpp"
#include "base/sha256.hpp"
#include "emit/sql_parts.hpp"
#include "ir/normalize.hpp"
#include "ir/print.hpp"

namespace schemac::emit {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    std::size_t first = line.find_first_not_of(' ');
    lines.push_back(first == std::string::npos ? "" : line.substr(first));
    start = end + 1;
  }
  return lines;
}

// The lines of one schema-level object: a catalog holding only it, printed,
// without the line of its schema.
template <typename T>
DatabaseObject object_of(const std::string& kind, const ir::Schema& schema, const T& object,
                         std::vector<T> ir::Schema::*member) {
  ir::Catalog alone;
  ir::Schema holder;
  holder.name = schema.name;
  (holder.*member).push_back(object);
  alone.schemas.push_back(std::move(holder));
  std::vector<std::string> lines = split_lines(ir::to_debug_string(alone));
  if (!lines.empty()) lines.erase(lines.begin());
  return {kind + " " + detail::one_line(base::quote_qualified(schema.name, object.name)),
          std::move(lines)};
}

std::string view_kind(const ir::View& view) {
  return view.materialized ? "materialized view" : "view";
}

// The part of a member line that names it: "column email", "primary key users_pkey".
std::string member_key(const std::string& line) {
  std::size_t words = 2;
  for (std::string_view prefix : {"primary key ", "foreign key ", "unique index "})
    if (line.rfind(prefix, 0) == 0) words = 3;
  std::size_t end = 0, from = 0;
  for (std::size_t i = 0; i < words; ++i) {
    end = line.find(' ', from);
    if (end == std::string::npos) return line;
    from = end + 1;
  }
  return line.substr(0, end);
}

void member_drift(const std::string& key, const std::vector<std::string>& then,
                  const std::vector<std::string>& now, std::vector<std::string>& out) {
  if (!then.empty() && !now.empty() && then.front() != now.front())
    out.push_back(key + " changed since the plan was made (was: " + then.front() +
                  "; now: " + now.front() + ")");
  std::map<std::string, std::string> before, after;
  for (std::size_t i = 1; i < then.size(); ++i) before[member_key(then[i])] = then[i];
  for (std::size_t i = 1; i < now.size(); ++i) after[member_key(now[i])] = now[i];
  for (const auto& [member, line] : before) {
    auto it = after.find(member);
    if (it == after.end())
      out.push_back(key + ": " + member + " dropped since the plan was made");
    else if (it->second != line)
      out.push_back(key + ": " + member + " changed since the plan was made (was: " + line +
                    "; now: " + it->second + ")");
  }
  for (const auto& [member, line] : after)
    if (!before.count(member))
      out.push_back(key + ": " + member + " added since the plan was made");
}

}  // namespace

std::string fingerprint_of(const std::vector<DatabaseObject>& objects) {
  std::string text;
  for (const DatabaseObject& object : objects) {
    text += object.key + "\n";
    for (const std::string& line : object.lines) text += "\t" + line + "\n";
  }
  return "sha256:" + base::sha256_hex(text);
}

DatabaseState database_state(const ir::Catalog& inspected, std::vector<std::string> schemas) {
  ir::Catalog catalog = inspected;
  ir::normalize(catalog);
  DatabaseState state;
  state.schemas = std::move(schemas);
  for (const ir::Extension& e : catalog.extensions) {
    ir::Catalog alone;
    alone.extensions.push_back(e);
    state.objects.push_back({"extension " + detail::one_line(base::quote_ident(e.name)),
                             split_lines(ir::to_debug_string(alone))});
  }
  for (const ir::Schema& s : catalog.schemas) {
    ir::Catalog alone;
    ir::Schema empty;
    empty.name = s.name;
    empty.comment = s.comment;
    alone.schemas.push_back(empty);
    state.objects.push_back({"schema " + detail::one_line(base::quote_ident(s.name)),
                             split_lines(ir::to_debug_string(alone))});
    for (const ir::EnumType& e : s.enums)
      state.objects.push_back(object_of("enum", s, e, &ir::Schema::enums));
    for (const ir::Domain& d : s.domains)
      state.objects.push_back(object_of("domain", s, d, &ir::Schema::domains));
    for (const ir::Sequence& q : s.sequences)
      state.objects.push_back(object_of("sequence", s, q, &ir::Schema::sequences));
    for (const ir::Table& t : s.tables)
      state.objects.push_back(object_of("table", s, t, &ir::Schema::tables));
    for (const ir::View& v : s.views)
      state.objects.push_back(object_of(view_kind(v), s, v, &ir::Schema::views));
  }
  state.fingerprint = fingerprint_of(state.objects);
  return state;
}

std::vector<std::string> drift(const DatabaseState& then, const DatabaseState& now) {
  std::vector<std::string> out;
  std::map<std::string, const DatabaseObject*> before, after;
  for (const DatabaseObject& o : then.objects) before[o.key] = &o;
  for (const DatabaseObject& o : now.objects) after[o.key] = &o;
  for (const auto& [key, object] : before) {
    auto it = after.find(key);
    if (it == after.end())
      out.push_back(key + " dropped since the plan was made");
    else if (object->lines != it->second->lines)
      member_drift(key, object->lines, it->second->lines, out);
  }
  for (const auto& [key, object] : after)
    if (!before.count(key)) out.push_back(key + " created since the plan was made");
  return out;
}

}  // namespace schemac::emit
