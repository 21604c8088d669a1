// emit/schema_text: an ir::Catalog as .schema text, for `schemac inspect`. The
// text parses, and lowers back to a catalog equal to the one printed (every
// constraint and index is named explicitly, so no implicit name can differ).
// What the language cannot say is returned as notes, never dropped silently.
#pragma once

#include <string>
#include <vector>

#include "ir/catalog.hpp"

namespace schemac::emit {

struct SchemaTextOptions {
  std::string default_schema = "public";  // its objects are printed outside a schema block
};

struct SchemaText {
  std::string text;
  /// unexpressed: what the catalog holds that the text cannot say, one line each
  /// ("check accounts_balance_check on public.accounts: NO INHERIT").
  std::vector<std::string> unexpressed;
};

/// schema_text prints extensions, then each schema's sequences, domains, enums,
/// tables and views. It says what the text holds, not its layout: callers pass
/// it through dsl::format (emit cannot see dsl), the one canonical layout.
/// With one_schema set, only that schema's objects (and no extensions unless
/// the schema is the default one) are printed, for `inspect --out DIR`.
SchemaText schema_text(const ir::Catalog& catalog, const SchemaTextOptions& options,
                       const std::string* one_schema = nullptr);

/// dsl_ident quotes a name for .schema text: as for SQL, and also when the name
/// is a word of the language that would be read as a keyword in its place.
std::string dsl_ident(const std::string& name);

}  // namespace schemac::emit
