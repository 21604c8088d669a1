#include "cli/config.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <sstream>

namespace schemac::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kConfigName = "schemac.toml";

base::SourceSpan span_at(const base::SourceManager& sources, base::FileId file,
                         const toml::source_region& region) {
  // toml++ gives 1-based line/column; turn them into a byte offset for the renderer.
  std::string_view text = sources.text(file);
  std::uint32_t offset = 0;
  for (toml::source_index line = 1; line < region.begin.line && offset < text.size(); ++offset)
    if (text[offset] == '\n') ++line;
  offset += region.begin.column > 0 ? region.begin.column - 1 : 0;
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  return {file, offset, offset + 1};
}

struct Reader {
  const base::SourceManager& sources;
  base::FileId file;
  base::Diagnostics& diags;

  void error(const toml::node& node, std::string message) {
    diags.error(base::DiagKind::ConfigError, span_at(sources, file, node.source()),
                std::move(message));
  }

  void read_string(const toml::table& table, std::string_view key, std::string& out) {
    const toml::node* node = table.get(key);
    if (!node) return;
    if (auto value = node->value<std::string>())
      out = *value;
    else
      error(*node, "'" + std::string(key) + "' must be a string");
  }

  void read_strings(const toml::table& table, std::string_view key, std::vector<std::string>& out) {
    const toml::node* node = table.get(key);
    if (!node) return;
    if (auto value = node->value<std::string>()) {
      out = {*value};
      return;
    }
    const toml::array* array = node->as_array();
    if (!array)
      return error(*node, "'" + std::string(key) + "' must be a string or a list of strings");
    out.clear();
    for (const toml::node& item : *array) {
      if (auto value = item.value<std::string>())
        out.push_back(*value);
      else
        error(item, "'" + std::string(key) + "' must hold strings only");
    }
  }

  void check_keys(const toml::table& table, std::string_view section,
                  std::initializer_list<std::string_view> known) {
    for (const auto& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      diags.error(base::DiagKind::ConfigError, span_at(sources, file, key.source()),
                  "unknown key '" + std::string(key.str()) + "'" +
                      (section.empty() ? "" : " in [" + std::string(section) + "]"));
    }
  }
};

// [lint]: one key per rule, by code or name, with its level.
void read_lint(Reader& reader, const toml::table& section, Config& config) {
  for (const auto& [key, node] : section) {
    const lint::Rule* rule = lint::find_rule(key.str());
    if (!rule) {
      reader.diags.error(base::DiagKind::ConfigError,
                         span_at(reader.sources, reader.file, key.source()),
                         "unknown lint rule '" + std::string(key.str()) +
                             "' in [lint] (rules: L001…L006, see docs/lint.md)");
      continue;
    }
    std::optional<lint::Level> level;
    if (auto text = node.value<std::string>()) level = lint::parse_level(*text);
    if (level)
      config.lint_levels[rule->kind] = *level;
    else
      reader.error(node,
                   "'" + std::string(key.str()) + "' must be \"error\", \"warning\" or \"off\"");
  }
}

void read_hazards(Reader& reader, const toml::table& apply, Config& config) {
  const toml::node* node = apply.get("allow_hazards");
  if (!node) return;
  const toml::array* array = node->as_array();
  if (!array) return reader.error(*node, "'allow_hazards' must be a list of hazard names");
  std::vector<plan::Hazard> hazards;
  for (const toml::node& item : *array) {
    std::optional<plan::Hazard> hazard;
    if (auto name = item.value<std::string>()) hazard = plan::hazard_from_name(*name);
    if (hazard)
      hazards.push_back(*hazard);
    else
      reader.error(item,
                   "unknown hazard in 'allow_hazards'; expected one of deletes-data, "
                   "rewrites-table, blocks-writes, blocks-reads, may-fail, extension-upgrade");
  }
  config.allow_hazards = std::move(hazards);
}

void read_document(Reader& reader, const toml::table& doc, Config& config) {
  reader.check_keys(doc, "", {"project", "database", "plan", "apply", "lint"});
  if (const toml::table* project = doc["project"].as_table()) {
    reader.check_keys(*project, "project", {"schema", "default_schema"});
    reader.read_strings(*project, "schema", config.schema_paths);
    reader.read_string(*project, "default_schema", config.default_schema);
  }
  if (const toml::table* database = doc["database"].as_table()) {
    reader.check_keys(*database, "database", {"url", "schemas"});
    std::string url;
    reader.read_string(*database, "url", url);
    if (!url.empty()) config.database_url = url;
    reader.read_strings(*database, "schemas", config.managed_schemas);
  }
  if (const toml::table* plan = doc["plan"].as_table()) {
    reader.check_keys(*plan, "plan", {"online"});
    if (const toml::node* node = plan->get("online")) {
      if (auto value = node->value<bool>())
        config.online = *value;
      else
        reader.error(*node, "'online' must be true or false");
    }
  }
  if (const toml::table* apply = doc["apply"].as_table()) {
    reader.check_keys(*apply, "apply",
                      {"lock_timeout", "statement_timeout", "allow_destructive", "lock_wait",
                       "allow_hazards", "lock_retries"});
    reader.read_string(*apply, "lock_timeout", config.lock_timeout);
    reader.read_string(*apply, "statement_timeout", config.statement_timeout);
    if (const toml::node* node = apply->get("allow_destructive")) {
      if (auto value = node->value<bool>())
        config.allow_destructive = *value;
      else
        reader.error(*node, "'allow_destructive' must be true or false");
    }
    read_hazards(reader, *apply, config);
    if (const toml::node* node = apply->get("lock_wait")) {
      if (auto value = node->value<int64_t>(); value && *value >= 0)
        config.lock_wait_seconds = static_cast<int>(*value);
      else
        reader.error(*node, "'lock_wait' must be a number of seconds");
    }
    if (const toml::node* node = apply->get("lock_retries")) {
      if (auto value = node->value<int64_t>(); value && *value >= 0 && *value <= 20)
        config.lock_retries = static_cast<int>(*value);
      else
        reader.error(*node, "'lock_retries' must be a number from 0 to 20");
    }
  }
  if (const toml::table* section = doc["lint"].as_table()) read_lint(reader, *section, config);
}

}  // namespace

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  while (!dir.empty()) {
    if (fs::is_regular_file(dir / kConfigName, ec)) return dir / kConfigName;
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

std::optional<Config> load_config(const std::optional<fs::path>& file, base::SourceManager& sources,
                                  base::Diagnostics& diags) {
  Config config;
  std::error_code ec;
  config.root = fs::current_path(ec);
  if (!file) return config;
  config.file = fs::absolute(*file, ec);
  config.root = config.file->parent_path();
  std::ifstream in(*file, std::ios::binary);
  if (!in) {
    diags.error(base::DiagKind::ConfigError, std::nullopt,
                "cannot read configuration file " + file->string());
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  base::FileId id = sources.add(kConfigName, text.str());
  std::size_t errors_before = diags.error_count();
  try {
    toml::table doc = toml::parse(sources.text(id), file->string());
    Reader reader{sources, id, diags};
    read_document(reader, doc, config);
  } catch (const toml::parse_error& err) {
    diags.error(base::DiagKind::ConfigError, span_at(sources, id, err.source()),
                "invalid TOML: " + std::string(err.description()));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return config;
}

}  // namespace schemac::cli
