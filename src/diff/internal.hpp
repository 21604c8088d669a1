// diff/internal: helpers shared by the diff sources; not part of the module's API.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "diff/change.hpp"
#include "ir/catalog.hpp"

namespace schemac::diff::detail {

/// Scope answers whether a schema is managed.
struct Scope {
  std::vector<std::string> managed;  // empty: all
  bool contains(std::string_view schema) const {
    return managed.empty() || std::find(managed.begin(), managed.end(), schema) != managed.end();
  }
};

/// display is the quoted qualified name used in messages.
std::string display(const QualifiedName& name);

/// apply_renames turns the desired side's `renamed from` hints into Rename*
/// changes and renames the objects inside `current` so that the rest of the diff
/// sees them under their new names.
void apply_renames(ir::Catalog& current, const ir::Catalog& desired, const Scope& scope,
                   std::vector<Change>& out, base::Diagnostics& diags);

/// check_rename_hint reports a hint whose old and new objects both exist (error)
/// or neither does (warning); true when the rename must be planned.
bool check_rename_hint(bool old_exists, bool new_exists, std::string_view what,
                       const std::string& old_name, const std::string& new_name,
                       const ir::Provenance& provenance, base::Diagnostics& diags);

/// rename_views plans the views' `renamed from` hints (see apply_renames).
void rename_views(ir::Catalog& current, const ir::Catalog& desired, const Scope& scope,
                  std::vector<Change>& out, base::Diagnostics& diags);

/// diff_views emits the view changes; runs last, as it reads the table changes
/// in `out` to find the views that must be dropped before them and created after.
void diff_views(const ir::Catalog& current, const ir::Catalog& desired, const Scope& scope,
                std::vector<Change>& out);

/// create_table emits CreateTable plus the table's indexes and comments.
void create_table(const QualifiedName& name, const ir::Table& table, std::vector<Change>& out);

/// alter_table emits the changes from `from` to `to` (same qualified name).
/// postgis_schema qualifies ST_Transform/ST_SetSRID in SRID conversions.
void alter_table(const QualifiedName& name, const ir::Table& from, const ir::Table& to,
                 const std::string& postgis_schema, std::vector<Change>& out);

/// diff_enum emits CreateEnum or AddEnumValue changes, or reports values that
/// were removed or reordered.
void diff_enum(const QualifiedName& name, const ir::EnumType* from, const ir::EnumType& to,
               std::vector<Change>& out, base::Diagnostics& diags);

/// diff_sequences / diff_domains emit the changes of one schema's sequences and
/// domains; a refused domain change is reported in diags. `current` is the
/// whole current catalog (after renames), to find what uses a domain.
void diff_sequences(const std::string& schema, const ir::Schema& have, const ir::Schema& want,
                    std::vector<Change>& out);
void diff_domains(const std::string& schema, const ir::Schema& have, const ir::Schema& want,
                  const ir::Catalog& current, std::vector<Change>& out, base::Diagnostics& diags);

/// diff_comment emits SetComment when the comments differ.
void diff_comment(CommentTarget target, const QualifiedName& object, std::string member,
                  const std::optional<std::string>& from, const std::optional<std::string>& to,
                  std::vector<Change>& out);

}  // namespace schemac::diff::detail
