#include "cli/session.hpp"

#include <cstdio>
#include <cstdlib>

#include "base/render.hpp"
#include "catalog/url.hpp"

namespace schemac::cli {

void Session::report() {
  if (diags.all().empty()) return;
  std::string text = base::render_text(sources, diags, {color_stderr});
  std::fputs(text.c_str(), stderr);
  diags.clear();
}

std::vector<std::string> schema_paths_from(const Args& args, const Config& config) {
  return args.positional.empty() ? config.schema_paths : args.positional;
}

std::optional<std::string> resolve_database_url(const Args& args, Session& session) {
  if (auto flag = args.value("--db")) return catalog::normalize_url(*flag);
  if (const auto& configured = session.config.database_url) {
    if (configured->rfind("env:", 0) != 0) return catalog::normalize_url(*configured);
    std::string var = configured->substr(4);
    if (const char* value = std::getenv(var.c_str()); value && *value)
      return catalog::normalize_url(value);
    session.diags.error(base::DiagKind::NoDatabaseUrl, std::nullopt,
                        "schemac.toml sets [database] url = \"env:" + var +
                            "\", but the environment variable " + var + " is not set");
    return std::nullopt;
  }
  for (const char* var : {"DATABASE_URL", "DATABASE_AZURE_URL"}) {
    if (const char* value = std::getenv(var); value && *value) return catalog::normalize_url(value);
  }
  session.diags.error(base::DiagKind::NoDatabaseUrl, std::nullopt,
                      "no database URL: pass --db URL, set [database] url in schemac.toml, or "
                      "set DATABASE_URL");
  return std::nullopt;
}

std::vector<std::string> managed_schemas(const Config& config, const ir::Catalog& desired) {
  if (!config.managed_schemas.empty()) return config.managed_schemas;
  std::vector<std::string> schemas{"public"};
  for (const ir::Schema& schema : desired.schemas)
    if (schema.name != "public") schemas.push_back(schema.name);
  return schemas;
}

std::unique_ptr<catalog::Connection> connect(const Args& args, Session& session,
                                             ExitCode& failure) {
  std::optional<std::string> url = resolve_database_url(args, session);
  failure = ExitCode::InvalidInput;
  if (!url) return nullptr;
  failure = ExitCode::DatabaseError;
  return catalog::Connection::open(*url, session.diags);
}

}  // namespace schemac::cli
