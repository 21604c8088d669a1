// bench/gen/model: see model.hpp.
#include "model.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace schemac::bench {

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace {

constexpr int kBlockSize = 100;  // tables per file; one enum and one view each

const char* const kNouns[] = {"account", "parcel", "sensor", "route",   "invoice", "station",
                              "survey",  "asset",  "permit", "project", "vehicle", "building"};

std::string numbered(const std::string& stem, int n) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%05d", n);
  return stem + "_" + digits;
}

const Column* primary_key(const Table& table) {
  for (const Column& column : table.columns)
    if (column.primary_key) return &column;
  return nullptr;
}

// make_table draws one table; its foreign keys point at tables made before it.
Table make_table(const std::string& name, const std::vector<const Table*>& earlier,
                 const std::string& status_enum, Rng& rng) {
  Table t{name, {}, {}};
  Column id{"id", "uuid", false, std::string("gen_random_uuid()"), {}, {}, true, false};
  if (rng.chance(30)) id = Column{"id", "bigint", false, {}, {}, {}, true, true};
  t.columns.push_back(id);
  t.columns.push_back(
      {"name", "text", true, {}, std::string("length(name) > 0"), {}, false, false});
  t.columns.push_back(
      {"created_at", "timestamptz", true, std::string("now()"), {}, {}, false, false});
  if (rng.chance(50)) t.indexes.push_back({"btree", "created_at"});
  if (rng.chance(50))
    t.columns.push_back({"updated_at", "timestamptz", false, {}, {}, {}, false, false});
  if (rng.chance(60))
    t.columns.push_back({"attrs", "jsonb", true, std::string("'{}'::jsonb"), {}, {}, false, false});
  if (rng.chance(50))
    t.columns.push_back({"amount",
                         "numeric(12,2)",
                         true,
                         std::string("0"),
                         std::string("amount >= 0"),
                         {},
                         false,
                         false});
  if (rng.chance(50)) t.columns.push_back({"note", "text", false, {}, {}, {}, false, false});
  if (rng.chance(30))
    t.columns.push_back(
        {"status", status_enum, true, std::string("'active'"), {}, {}, false, false});
  if (rng.chance(40)) {
    t.columns.push_back({"location", "geometry(Point,4326)", false, {}, {}, {}, false, false});
    t.indexes.push_back({"gist", "location"});
  }
  if (rng.chance(20)) {
    t.columns.push_back({"footprint", "geometry(Polygon,3857)", false, {}, {}, {}, false, false});
    t.indexes.push_back({"gist", "footprint"});
  }
  if (rng.chance(15))
    t.columns.push_back({"place", "geography(Point,4326)", false, {}, {}, {}, false, false});
  // Up to two foreign keys to distinct earlier tables, each with its index.
  std::set<std::string> targets;
  const int fks = earlier.empty() ? 0 : static_cast<int>(rng.below(3));
  for (int k = 0; k < fks; ++k) {
    const Table* target =
        earlier[earlier.size() - 1 - rng.below(std::min<std::size_t>(earlier.size(), 200))];
    if (!targets.insert(target->name).second) continue;
    Column fk{target->name + "_id",
              primary_key(*target)->type,
              rng.chance(50),
              {},
              {},
              target->name,
              false,
              false};
    t.columns.push_back(fk);
    t.indexes.push_back({"btree", fk.name});
  }
  return t;
}

std::vector<const Table*> all_tables(const Model& model) {
  std::vector<const Table*> out;
  for (const Block& block : model.blocks)
    for (const Table& table : block.tables) out.push_back(&table);
  return out;
}

// pick draws up to n distinct tables matching `fits` that no other change touched.
template <typename Fits>
std::vector<Table*> pick(Model& model, int n, std::set<std::string>& touched, Rng& rng, Fits fits) {
  std::vector<Table*> candidates;
  for (Block& block : model.blocks)
    for (Table& table : block.tables)
      if (!touched.count(table.name) && fits(table)) candidates.push_back(&table);
  std::vector<Table*> out;
  while (static_cast<int>(out.size()) < n && !candidates.empty()) {
    std::size_t i = rng.below(candidates.size());
    out.push_back(candidates[i]);
    touched.insert(candidates[i]->name);
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return out;
}

Column* find_column(Table& table, const std::string& name) {
  for (Column& column : table.columns)
    if (column.name == name) return &column;
  return nullptr;
}

bool indexed(const Table& table, const std::string& column) {
  for (const Index& index : table.indexes)
    if (index.column == column) return true;
  return false;
}

}  // namespace

Model generate(int tables, std::uint64_t seed) {
  Rng rng(seed);
  Model model;
  std::vector<const Table*> earlier;
  earlier.reserve(static_cast<std::size_t>(tables));
  const int blocks = (tables + kBlockSize - 1) / kBlockSize;
  model.blocks.reserve(static_cast<std::size_t>(blocks));
  for (int b = 0; b < blocks; ++b) {
    Block& block = model.blocks.emplace_back();
    block.file = numbered("block", b) + ".schema";
    block.status = {numbered("status", b), {"active", "suspended", "archived"}};
    const int first = b * kBlockSize;
    const int count = std::min(kBlockSize, tables - first);
    block.tables.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
      const std::string name = numbered(kNouns[rng.below(std::size(kNouns))], first + i);
      block.tables.push_back(make_table(name, earlier, block.status.name, rng));
      earlier.push_back(&block.tables.back());
    }
    block.view = View{numbered("summary", b), block.tables.front().name};
  }
  return model;
}

Model change(const Model& base, std::uint64_t seed, ChangeCounts& counts) {
  Rng rng(seed ^ 0x5eedc4a17e5ULL);
  Model model = base;
  const int n = static_cast<int>(all_tables(base).size());
  const auto share = [&](int per_thousand) { return std::max(1, n * per_thousand / 1000); };
  std::set<std::string> touched, read;  // read: by a foreign key or a view
  for (const Block& block : model.blocks) {
    if (block.view) read.insert(block.view->table);
    for (const Table& table : block.tables)
      for (const Column& column : table.columns)
        if (column.references) read.insert(*column.references);
  }
  for (Table* t : pick(model, share(10), touched, rng, [](const Table&) { return true; })) {
    t->columns.push_back({"extra", "integer", true, std::string("0"), {}, {}, false, false});
    ++counts.columns_added;
  }
  const auto droppable = [](const Table& t) {
    for (const Column& c : t.columns)
      if ((c.name == "note" || c.name == "updated_at") && !indexed(t, c.name)) return true;
    return false;
  };
  for (Table* t : pick(model, share(10), touched, rng, droppable)) {
    std::erase_if(t->columns, [&](const Column& c) {
      return (c.name == "note" || c.name == "updated_at") && !indexed(*t, c.name);
    });
    ++counts.columns_dropped;
  }
  const auto has_amount = [](const Table& t) {
    for (const Column& c : t.columns)
      if (c.name == "amount") return true;
    return false;
  };
  for (Table* t : pick(model, share(10), touched, rng, has_amount)) {
    find_column(*t, "amount")->type = "numeric(16,4)";
    ++counts.columns_retyped;
  }
  for (Table* t :
       pick(model, share(5), touched, rng, [](const Table& t) { return !indexed(t, "name"); })) {
    t->indexes.push_back({"btree", "name"});
    ++counts.indexes_added;
  }
  const auto has_fk = [](const Table& t) {
    for (const Column& c : t.columns)
      if (c.references) return true;
    return false;
  };
  for (Table* t : pick(model, share(5), touched, rng, has_fk)) {
    for (Column& c : t->columns)
      if (c.references) {
        c.references.reset();
        break;
      }
    ++counts.fks_dropped;
  }
  // Dropped tables: none that anything reads, so the variant stays valid.
  std::set<std::string> dropped;
  for (Table* t :
       pick(model, share(5), touched, rng, [&](const Table& t) { return !read.count(t.name); }))
    dropped.insert(t->name);
  for (Block& block : model.blocks)
    std::erase_if(block.tables, [&](const Table& t) { return dropped.count(t.name) > 0; });
  counts.tables_dropped = static_cast<int>(dropped.size());
  // Added tables go to the last block, with foreign keys to earlier tables.
  std::vector<const Table*> earlier = all_tables(model);
  Block& last = model.blocks.back();
  std::vector<Table> added;
  for (int i = 0; i < share(5); ++i) {
    added.push_back(make_table(numbered("added", n + i), earlier, last.status.name, rng));
    ++counts.tables_added;
  }
  for (Table& t : added) last.tables.push_back(std::move(t));
  return model;
}

}  // namespace schemac::bench
