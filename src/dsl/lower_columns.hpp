// dsl/lower_columns: the column names of one table being lowered, for the
// duplicate check and for resolving the names its constraints and indexes
// list. Internal to the dsl module (lower_table.cpp).
#pragma once

#include <cstddef>
#include <forward_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/lower_context.hpp"

namespace schemac::dsl::lower_detail {

/// ColumnNames maps each column name of one table to its first declaration.
/// Keys are views into the AST (or into folded_ for the rare bare name with
/// upper case): most tables have a handful of columns, so a linear scan beats
/// a tree of freshly copied strings; wide tables get a hash index as well.
class ColumnNames {
 public:
  /// add records def under name unless the name is taken; returns the first
  /// declaration of name (def itself when it is new).
  const ast::ColumnDef* add(const ast::Ident& ident, const ast::ColumnDef* def) {
    std::string scratch;
    std::string_view name = ident_view(ident, scratch);
    if (const ast::ColumnDef* first = find(name)) return first;
    if (!scratch.empty()) name = folded_.emplace_front(std::move(scratch));
    list_.emplace_back(name, def);
    if (!index_.empty()) {
      index_.emplace(name, def);
    } else if (list_.size() > kLinearMax) {
      index_.reserve(list_.size() * 2);
      index_.insert(list_.begin(), list_.end());
    }
    return def;
  }
  void reserve(std::size_t columns) { list_.reserve(columns); }
  /// find gives the first declaration of name, or nullptr.
  const ast::ColumnDef* find(std::string_view name) const {
    if (!index_.empty()) {
      auto it = index_.find(name);
      return it == index_.end() ? nullptr : it->second;
    }
    for (const auto& [key, def] : list_)
      if (key == name) return def;
    return nullptr;
  }

 private:
  static constexpr std::size_t kLinearMax = 32;
  std::vector<std::pair<std::string_view, const ast::ColumnDef*>> list_;
  std::unordered_map<std::string_view, const ast::ColumnDef*> index_;  // when list_ is long
  std::forward_list<std::string> folded_;  // stable storage for folded names (none, usually)
};

}  // namespace schemac::dsl::lower_detail
