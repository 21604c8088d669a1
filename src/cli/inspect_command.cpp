// schemac inspect: the live database as .schema text, to adopt an existing
// database. What the language cannot say is listed at the top, never dropped.
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "catalog/inspect.hpp"
#include "cli/app.hpp"
#include "dsl/format.hpp"
#include "emit/schema_text.hpp"

namespace schemac::cli {
namespace {

namespace fs = std::filesystem;

// notes_header: the comment that opens the output; "not expressed" lists both
// what the inspector saw but schemac does not model and what the text loses.
std::string notes_header(const ir::Catalog& catalog, const std::vector<std::string>& unexpressed) {
  std::string out = "// Written by `schemac inspect`.\n";
  std::vector<std::string> notes = catalog.unmanaged.objects;
  notes.insert(notes.end(), unexpressed.begin(), unexpressed.end());
  if (notes.empty()) return out + "\n";
  out +=
      "//\n// Not expressed here (schemac does not manage these; plan and apply leave them\n"
      "// as they are):\n";
  for (const std::string& note : notes) out += "//   - " + note + "\n";
  return out + "\n";
}

// file_name: a schema name made safe as a file name ('/', '.', spaces and the
// like percent-encoded), so no schema name can reach outside --out.
std::string file_name(const std::string& schema) {
  std::string out;
  for (unsigned char c : schema) {
    if (std::isalnum(c) || c == '_' || c == '-' || c >= 0x80) {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out + ".schema";
}

// canonical: the text in the layout of `schemac fmt` (dsl::format, the one
// formatter). Text that does not parse would be a bug of inspect: it is
// reported (exit 1) and printed as it is, so nothing is lost.
std::string canonical(const std::string& text, const std::string& name, Session& session,
                      ExitCode& code) {
  base::FileId id = session.sources.add(name, text);
  std::optional<std::string> formatted = dsl::format_source(session.sources, id, session.diags);
  if (formatted) return *formatted;
  code = ExitCode::InvalidInput;
  return text;
}

bool write_file(const fs::path& path, const std::string& text, Session& session) {
  std::ofstream file(path, std::ios::binary);
  file << text;
  file.close();
  if (file) return true;
  session.diags.error(base::DiagKind::FileUnreadable, std::nullopt,
                      "cannot write " + path.string());
  return false;
}

ExitCode run_inspect(const Args& args, Session& session) {
  ExitCode failure = ExitCode::Success;
  auto conn = connect(args, session, failure);
  if (!conn) return session.fail(failure);
  auto catalog = catalog::inspect(*conn, {session.config.managed_schemas}, session.diags);
  if (!catalog) return session.fail(ExitCode::DatabaseError);
  // Not normalised: expressions and view queries print as PostgreSQL does,
  // which is valid SQL; the inspector already returns everything sorted.
  emit::SchemaTextOptions options;
  options.default_schema = session.config.default_schema;
  std::optional<std::string> out_dir = args.value("--out");
  if (!out_dir) {
    emit::SchemaText text = emit::schema_text(*catalog, options);
    ExitCode code = ExitCode::Success;
    std::string out =
        canonical(notes_header(*catalog, text.unexpressed) + text.text, "<inspect>", session, code);
    std::fwrite(out.data(), 1, out.size(), stdout);
    session.report();
    return code;
  }
  // --out: one file per schema, the default schema's holding the extensions and
  // the notes.
  std::error_code ec;
  fs::create_directories(*out_dir, ec);
  ExitCode code = ExitCode::Success;
  std::set<std::string> names{options.default_schema};
  for (const ir::Schema& schema : catalog->schemas) names.insert(schema.name);
  for (const std::string& name : names) {
    emit::SchemaText text = emit::schema_text(*catalog, options, &name);
    std::string out = text.text;
    if (name == options.default_schema) {
      std::vector<std::string> unexpressed;
      for (const std::string& other : names)
        if (other != name) {
          auto more = emit::schema_text(*catalog, options, &other).unexpressed;
          unexpressed.insert(unexpressed.end(), more.begin(), more.end());
        }
      unexpressed.insert(unexpressed.end(), text.unexpressed.begin(), text.unexpressed.end());
      out = notes_header(*catalog, unexpressed) + out;
    }
    if (out.empty()) continue;
    fs::path file = fs::path(*out_dir) / file_name(name);
    out = canonical(out, file.string(), session, code);
    if (!write_file(file, out, session)) return session.fail(ExitCode::InvalidInput);
    std::fprintf(stderr, "wrote %s\n", file.string().c_str());
  }
  session.report();
  return code;
}

}  // namespace

Command inspect_command() {
  return {"inspect",
          "print the live database as .schema text (to adopt an existing database)",
          "schemac inspect [flags]",
          {
              {"--db", true, "database URL (default: schemac.toml, then DATABASE_URL)", "URL"},
              {"--out", true, "write one <schema>.schema file per schema into DIR", "DIR"},
          },
          &run_inspect};
}

}  // namespace schemac::cli
