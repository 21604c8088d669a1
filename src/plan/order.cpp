// Ordering. Each change has a phase (its rank) that encodes the usual order
// (schemas, extensions, types, domains and sequences, renames, drops of
// dependants, tables, columns, constraints, indexes, sequence owners, comments,
// then drops of what others depended on); the
// hard dependencies between tables (foreign keys) are edges of a graph that a
// Kahn traversal honours even against the ranks.
#include "plan/order.hpp"

#include <map>
#include <set>
#include <tuple>

#include "base/check.hpp"

namespace schemac::plan::detail {
namespace {

using namespace diff;
using Graph = std::map<QualifiedName, std::set<QualifiedName>>;

// Gaps between ranks leave room for new kinds of change. Views are renamed with
// tables, dropped before any table change (they may read what changes), created
// or replaced once tables, columns, keys and indexes are there.
int rank(const Change& change) {
  return std::visit(
      Overloaded{
          [](const CreateSchema&) { return 0; },
          [](const CreateExtension&) { return 1; },
          [](const UpdateExtension&) { return 1; },
          [](const CreateEnum&) { return 2; },
          [](const AddEnumValue&) { return 3; },
          // A domain whose base type changes is dropped before it is created again.
          [](const DropDomain& c) { return c.replaced ? 4 : 20; },
          [](const RenameSequence&) { return 4; },
          [](const RenameDomain&) { return 4; },
          // Sequences first: a domain's default may call nextval on one.
          [](const CreateSequence&) { return 5; },
          [](const CreateDomain&) { return 6; },
          [](const AlterDomain&) { return 6; },
          [](const AlterSequence&) { return 6; },
          // Released from its owner before the owner is dropped; owned once it exists.
          [](const SetSequenceOwner& c) { return c.owner ? 18 : 6; },
          [](const RenameTable&) { return 7; },
          [](const RenameColumn&) { return 8; },
          [](const RenameConstraint&) { return 8; },
          [](const RenameIndex&) { return 8; },
          [](const DropForeignKey&) { return 9; },
          [](const DropIndex&) { return 10; },
          [](const DropPrimaryKey&) { return 11; },
          [](const DropUnique&) { return 11; },
          [](const DropCheck&) { return 11; },
          [](const DropTable&) { return 12; },
          [](const CreateTable&) { return 13; },
          [](const AlterTable&) { return 14; },
          [](const AddPrimaryKey&) { return 15; },
          [](const AddUnique&) { return 15; },
          [](const AddCheck&) { return 15; },
          [](const AddForeignKey&) { return 16; },
          [](const CreateIndex&) { return 17; },
          [](const SetComment&) { return 19; },
          // After the tables whose columns or defaults used them.
          [](const DropSequence&) { return 21; },  // after the domains whose defaults used it
          [](const DropEnum&) { return 21; },
          [](const DropSchema&) { return 22; },
          [](const DropExtension&) { return 23; },
          [](const RenameView&) { return 7; },
          [](const DropView&) { return 8; },
          [](const CreateView&) { return 17; },
          [](const ReplaceView&) { return 17; },
      },
      change);
}

std::string key_of(const QualifiedName& name, const std::string& member = "") {
  // '\x01' sorts before every printable character, so "a" < "a.b" < "ab".
  return name.schema + '\x01' + name.name + '\x01' + member;
}

// The object a change is about, for breaking ties by name.
std::string object_key(const Change& change) {
  return std::visit(Overloaded{
                        [](const CreateSchema& c) {
                          return key_of({c.name, ""});
                        },
                        [](const DropSchema& c) {
                          return key_of({c.name, ""});
                        },
                        [](const CreateExtension& c) {
                          return key_of({"", c.extension.name});
                        },
                        [](const UpdateExtension& c) {
                          return key_of({"", c.name});
                        },
                        [](const DropExtension& c) {
                          return key_of({"", c.extension.name});
                        },
                        [](const CreateEnum& c) { return key_of(c.name); },
                        [](const AddEnumValue& c) { return key_of(c.enum_name); },
                        [](const DropEnum& c) { return key_of(c.name); },
                        [](const CreateTable& c) { return key_of(c.name); },
                        [](const DropTable& c) { return key_of(c.name); },
                        [](const AlterTable& c) { return key_of(c.table); },
                        [](const AddPrimaryKey& c) { return key_of(c.table, c.key.name); },
                        [](const DropPrimaryKey& c) { return key_of(c.table, c.key.name); },
                        [](const AddUnique& c) { return key_of(c.table, c.constraint.name); },
                        [](const DropUnique& c) { return key_of(c.table, c.constraint.name); },
                        [](const AddCheck& c) { return key_of(c.table, c.constraint.name); },
                        [](const DropCheck& c) { return key_of(c.table, c.constraint.name); },
                        [](const AddForeignKey& c) { return key_of(c.table, c.key.name); },
                        [](const DropForeignKey& c) { return key_of(c.table, c.key.name); },
                        [](const CreateIndex& c) { return key_of(c.table, c.index.name); },
                        [](const DropIndex& c) { return key_of(c.table, c.index.name); },
                        [](const SetComment& c) { return key_of(c.object, c.member); },
                        [](const RenameTable& c) { return key_of(c.from); },
                        [](const RenameColumn& c) { return key_of(c.table, c.from); },
                        [](const RenameIndex& c) { return key_of(c.table, c.from); },
                        [](const RenameConstraint& c) { return key_of(c.table, c.from); },
                        [](const CreateView& c) { return key_of(c.name); },
                        [](const ReplaceView& c) { return key_of(c.name); },
                        [](const DropView& c) { return key_of(c.name); },
                        [](const RenameView& c) { return key_of(c.from); },
                        [](const CreateSequence& c) { return key_of(c.name); },
                        [](const AlterSequence& c) { return key_of(c.name); },
                        [](const SetSequenceOwner& c) { return key_of(c.name); },
                        [](const DropSequence& c) { return key_of(c.name); },
                        [](const CreateDomain& c) { return key_of(c.name); },
                        [](const AlterDomain& c) { return key_of(c.name); },
                        [](const DropDomain& c) { return key_of(c.name); },
                        [](const RenameSequence& c) { return key_of(c.from); },
                        [](const RenameDomain& c) { return key_of(c.from); },
                    },
                    change);
}

bool reaches(const Graph& graph, const QualifiedName& from, const QualifiedName& to) {
  std::set<QualifiedName> seen;
  std::vector<QualifiedName> stack{from};
  while (!stack.empty()) {
    QualifiedName node = stack.back();
    stack.pop_back();
    if (node == to) return true;
    if (!seen.insert(node).second) continue;
    auto it = graph.find(node);
    if (it != graph.end()) stack.insert(stack.end(), it->second.begin(), it->second.end());
  }
  return false;
}

// Edges table -> referenced table, among `tables` only, self references left out.
Graph fk_graph(const std::map<QualifiedName, ir::Table*>& tables) {
  Graph graph;
  for (const auto& [name, table] : tables)
    for (const ir::ForeignKey& fk : table->foreign_keys)
      if (fk.ref_table != name && tables.count(fk.ref_table)) graph[name].insert(fk.ref_table);
  return graph;
}

void detach_created(std::vector<Change>& changes, const std::set<QualifiedName>& gaining_keys) {
  std::map<QualifiedName, ir::Table*> created;
  for (Change& c : changes)
    if (auto* t = std::get_if<CreateTable>(&c)) created[t->name] = &t->table;
  Graph graph = fk_graph(created);
  std::vector<Change> detached;
  for (auto& [name, table] : created) {
    std::vector<ir::ForeignKey> inline_keys;
    for (ir::ForeignKey& fk : table->foreign_keys) {
      bool cycle =
          fk.ref_table != name && created.count(fk.ref_table) && reaches(graph, fk.ref_table, name);
      // A key that an existing table only gets later in the plan is not there yet.
      bool key_later = !created.count(fk.ref_table) && gaining_keys.count(fk.ref_table);
      if (cycle || key_later) {
        detached.push_back(AddForeignKey{name, fk});
      } else {
        inline_keys.push_back(fk);
      }
    }
    table->foreign_keys = std::move(inline_keys);
  }
  changes.insert(changes.end(), detached.begin(), detached.end());
}

// A dropped table's foreign keys go first, on their own, when they form a cycle
// among dropped tables or reference a table that keeps living but loses a key
// or unique index (PostgreSQL refuses to drop a key a foreign key depends on).
void detach_dropped(std::vector<Change>& changes, const std::set<QualifiedName>& losing_keys) {
  std::map<QualifiedName, ir::Table*> dropped;
  for (Change& c : changes)
    if (auto* t = std::get_if<DropTable>(&c)) dropped[t->name] = &t->table;
  Graph graph = fk_graph(dropped);
  std::vector<Change> detached;
  for (auto& [name, table] : dropped) {
    std::vector<ir::ForeignKey> kept;
    for (ir::ForeignKey& fk : table->foreign_keys) {
      bool cycle =
          fk.ref_table != name && dropped.count(fk.ref_table) && reaches(graph, fk.ref_table, name);
      bool key_dropped_first = !dropped.count(fk.ref_table) && losing_keys.count(fk.ref_table);
      if (cycle || key_dropped_first) {
        detached.push_back(DropForeignKey{name, fk});
      } else {
        kept.push_back(fk);
      }
    }
    table->foreign_keys = std::move(kept);
  }
  changes.insert(changes.end(), detached.begin(), detached.end());
}

// add_edge adds from -> to unless `to` already reaches `from` (guessed view
// facts could name each other; the database's never do).
void add_edge(std::vector<std::vector<std::size_t>>& successors, std::size_t from, std::size_t to) {
  std::vector<std::size_t> stack{to};
  std::set<std::size_t> seen;
  while (!stack.empty()) {
    std::size_t node = stack.back();
    stack.pop_back();
    if (node == from) return;
    if (!seen.insert(node).second) continue;
    stack.insert(stack.end(), successors[node].begin(), successors[node].end());
  }
  successors[from].push_back(to);
}

// View edges: a view is created after the views it reads, dropped before them.
void add_view_edges(const std::vector<Change>& changes,
                    std::vector<std::vector<std::size_t>>& successors) {
  std::map<QualifiedName, std::size_t> created, dropped;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (auto* v = std::get_if<CreateView>(&changes[i])) created[v->name] = i;
    if (auto* v = std::get_if<ReplaceView>(&changes[i])) created[v->name] = i;
    if (auto* v = std::get_if<DropView>(&changes[i])) dropped[v->name] = i;
  }
  auto facts = [&](std::size_t i) -> const ir::ViewFacts& {
    if (auto* v = std::get_if<CreateView>(&changes[i])) return v->view.facts;
    if (auto* v = std::get_if<ReplaceView>(&changes[i])) return v->view.facts;
    return std::get<DropView>(changes[i]).view.facts;
  };
  for (const auto& [name, i] : created)
    for (const QualifiedName& r : facts(i).relations)
      if (r != name && created.count(r)) add_edge(successors, created[r], i);
  for (const auto& [name, i] : dropped)
    for (const QualifiedName& r : facts(i).relations)
      if (r != name && dropped.count(r)) add_edge(successors, i, dropped[r]);
}

// A domain based on another domain: created after it, dropped before it.
void add_domain_edges(const std::vector<Change>& changes,
                      std::vector<std::vector<std::size_t>>& successors) {
  std::map<QualifiedName, std::size_t> created, dropped;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (auto* d = std::get_if<CreateDomain>(&changes[i])) created[d->name] = i;
    if (auto* d = std::get_if<DropDomain>(&changes[i])) dropped[d->name] = i;
  }
  for (const auto& [name, i] : created) {
    const ir::TypeRef& base = std::get<CreateDomain>(changes[i]).domain.type;
    auto it = created.find({base.schema, base.name});
    if (it != created.end() && it->first != name) successors[it->second].push_back(i);
  }
  for (const auto& [name, i] : dropped) {
    const ir::TypeRef& base = std::get<DropDomain>(changes[i]).domain.type;
    auto it = dropped.find({base.schema, base.name});
    if (it != dropped.end() && it->first != name) successors[i].push_back(it->second);
  }
}

// Hard edges: a referenced new table is created first; a referencing dropped
// table is dropped first; an extension is dropped before those it requires.
std::vector<std::vector<std::size_t>> table_edges(const std::vector<Change>& changes) {
  std::map<QualifiedName, std::size_t> created, dropped;
  std::map<std::string, std::size_t> dropped_extensions;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (auto* t = std::get_if<CreateTable>(&changes[i])) created[t->name] = i;
    if (auto* t = std::get_if<DropTable>(&changes[i])) dropped[t->name] = i;
    if (auto* e = std::get_if<DropExtension>(&changes[i]))
      dropped_extensions[e->extension.name] = i;
  }
  std::vector<std::vector<std::size_t>> successors(changes.size());
  bool requires_known = false;
  for (const auto& [name, i] : dropped_extensions) {
    for (const std::string& required :
         std::get<DropExtension>(changes[i]).extension.required.names) {
      requires_known = true;
      if (auto it = dropped_extensions.find(required); it != dropped_extensions.end())
        successors[i].push_back(it->second);
    }
  }
  // Offline (`diff`) nothing says what an extension requires: drop in reverse
  // name order, the mirror of creation, which puts postgis_topology before postgis.
  if (!requires_known)
    // (it != end first: std::next(end()) is undefined, and loops forever in a debug build.)
    for (auto it = dropped_extensions.begin();
         it != dropped_extensions.end() && std::next(it) != dropped_extensions.end(); ++it)
      successors[std::next(it)->second].push_back(it->second);
  for (const auto& [name, i] : created)
    for (const ir::ForeignKey& fk : std::get<CreateTable>(changes[i]).table.foreign_keys)
      if (fk.ref_table != name && created.count(fk.ref_table))
        successors[created[fk.ref_table]].push_back(i);
  for (const auto& [name, i] : dropped)
    for (const ir::ForeignKey& fk : std::get<DropTable>(changes[i]).table.foreign_keys)
      if (fk.ref_table != name && dropped.count(fk.ref_table))
        successors[i].push_back(dropped[fk.ref_table]);
  add_view_edges(changes, successors);
  add_domain_edges(changes, successors);
  return successors;
}

}  // namespace

void break_fk_cycles(std::vector<Change>& changes) {
  std::set<QualifiedName> gaining_keys, losing_keys;
  for (const Change& c : changes) {
    if (auto* pk = std::get_if<AddPrimaryKey>(&c)) gaining_keys.insert(pk->table);
    if (auto* u = std::get_if<AddUnique>(&c)) gaining_keys.insert(u->table);
    if (auto* pk = std::get_if<DropPrimaryKey>(&c)) losing_keys.insert(pk->table);
    if (auto* u = std::get_if<DropUnique>(&c)) losing_keys.insert(u->table);
    if (auto* i = std::get_if<DropIndex>(&c); i && i->index.unique) losing_keys.insert(i->table);
  }
  detach_created(changes, gaining_keys);
  detach_dropped(changes, losing_keys);
}

std::vector<std::size_t> execution_order(const std::vector<Change>& changes) {
  std::vector<std::vector<std::size_t>> successors = table_edges(changes);
  std::vector<int> in_degree(changes.size(), 0);
  for (const auto& next : successors)
    for (std::size_t j : next) ++in_degree[j];
  using Key = std::tuple<int, std::string, std::size_t>;
  std::set<Key> ready;
  auto key = [&](std::size_t i) { return Key{rank(changes[i]), object_key(changes[i]), i}; };
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (in_degree[i] == 0) ready.insert(key(i));
  std::vector<std::size_t> order;
  while (!ready.empty()) {
    std::size_t i = std::get<2>(*ready.begin());
    ready.erase(ready.begin());
    order.push_back(i);
    for (std::size_t j : successors[i])
      if (--in_degree[j] == 0) ready.insert(key(j));
  }
  SCHEMAC_CHECK(order.size() == changes.size(), "foreign key cycle left after detaching");
  return order;
}

}  // namespace schemac::plan::detail
