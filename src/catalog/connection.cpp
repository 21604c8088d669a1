// catalog/connection: opening a session with libpqxx 6.4. Everything pqxx
// throws is caught here and turned into one E0401 line with secrets removed.
#include "catalog/connection.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "catalog/connection_impl.hpp"
#include "catalog/url.hpp"

namespace schemac::catalog {
namespace {

constexpr std::string_view kAppName = "schemac";
constexpr std::string_view kConnectTimeoutSeconds = "10";

std::string trim(std::string_view text) {
  const auto not_space = [](char c) { return !std::isspace(static_cast<unsigned char>(c)); };
  const auto begin = std::find_if(text.begin(), text.end(), not_space);
  const auto end = std::find_if(text.rbegin(), text.rend(), not_space).base();
  return begin < end ? std::string(begin, end) : std::string();
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

bool url_has_param(const std::string& url, std::string_view key) {
  const std::size_t query = url.find('?');
  if (query == std::string::npos) return false;
  const std::string needle = std::string(key) + "=";
  for (std::size_t pos = query + 1; pos < url.size();) {
    if (url.compare(pos, needle.size(), needle) == 0) return true;
    const std::size_t amp = url.find('&', pos);
    if (amp == std::string::npos) break;
    pos = amp + 1;
  }
  return false;
}

bool conninfo_has_key(const std::string& info, std::string_view key) {
  for (std::size_t pos = info.find(key); pos != std::string::npos; pos = info.find(key, pos + 1)) {
    const bool starts_word = pos == 0 || std::isspace(static_cast<unsigned char>(info[pos - 1]));
    std::size_t after = pos + key.size();
    while (after < info.size() && info[after] == ' ') ++after;
    if (starts_word && after < info.size() && info[after] == '=') return true;
  }
  return false;
}

}  // namespace

std::string error_text(const std::exception& error) {
  std::string text = one_line(error.what());
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error);
      sql && !sql->sqlstate().empty())
    text += " (SQLSTATE " + sql->sqlstate() + ")";
  return text;
}

std::string one_line(std::string_view message) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= message.size()) {
    std::size_t nl = message.find('\n', pos);
    if (nl == std::string_view::npos) nl = message.size();
    std::string line = collapse_spaces(trim(message.substr(pos, nl - pos)));
    if (!line.empty() && std::find(lines.begin(), lines.end(), line) == lines.end()) {
      lines.push_back(std::move(line));
    }
    pos = nl + 1;
  }
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += "; ";
    out += line;
  }
  return out;
}

ResultSet to_result_set(const pqxx::result& result) {
  ResultSet set;
  const auto width = static_cast<pqxx::row::size_type>(result.columns());
  for (pqxx::row::size_type col = 0; col < width; ++col)
    set.columns.emplace_back(result.column_name(col));
  // Size the buffer exactly first: a growing one would hold up to twice the text.
  std::size_t bytes = 0;
  for (const pqxx::row& row : result)
    for (const pqxx::field& field : row) bytes += field.size();
  set.reserve(result.size(), bytes);
  for (const pqxx::row& row : result) {
    for (const pqxx::field& field : row) {
      set.add_field(field.is_null() ? std::nullopt
                                    : std::optional<std::string_view>(
                                          std::string_view(field.c_str(), field.size())));
    }
  }
  return set;
}

std::string with_session_defaults(const std::string& url) {
  const std::pair<std::string_view, std::string_view> defaults[] = {
      {"application_name", kAppName}, {"connect_timeout", kConnectTimeoutSeconds}};
  std::string out = url;
  const bool url_form = url.find("://") != std::string::npos;
  for (const auto& [key, value] : defaults) {
    if (url_form) {
      if (url_has_param(out, key)) continue;
      out += out.find('?') == std::string::npos ? '?' : '&';
    } else {
      if (conninfo_has_key(out, key)) continue;
      if (!out.empty()) out += ' ';
    }
    out += std::string(key) + "=" + std::string(value);
  }
  return out;
}

std::unique_ptr<Connection> Connection::open(const std::string& url, base::Diagnostics& diags) {
  auto impl = std::make_unique<Impl>();
  impl->url = normalize_url(url);
  impl->redacted_url = redact_url(impl->url);
  std::string problem;
  try {
    impl->conn = std::make_unique<pqxx::connection>(with_session_defaults(impl->url));
    return std::unique_ptr<Connection>(new Connection(std::move(impl)));
  } catch (const std::exception& e) {
    // pqxx::broken_connection for server/auth failures, pqxx::argument_error or
    // plain libpq text for a malformed URL: all the same to the user.
    problem = one_line(redact_secrets(e.what(), impl->url));
  }
  const std::string shown =
      impl->redacted_url.empty() ? "the default database" : impl->redacted_url;
  diags.error(base::DiagKind::DatabaseUnreachable, std::nullopt,
              "cannot connect to " + shown + ": " + problem);
  return nullptr;
}

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Connection::~Connection() = default;

int Connection::server_version() const {
  return impl_->conn->server_version();
}

std::string Connection::describe() const {
  pqxx::connection& conn = *impl_->conn;
  const auto text = [](const char* value) { return value ? std::string(value) : std::string(); };
  std::string out = "database \"" + text(conn.dbname()) + "\" as " + text(conn.username());
  const std::string host = text(conn.hostname());
  if (!host.empty()) out += " on " + host + ":" + text(conn.port());
  return out;
}

}  // namespace schemac::catalog
