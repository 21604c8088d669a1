// catalog/url: URL rewriting and password redaction. Pure string work, so it can
// run before any connection exists (and be unit-tested without a server).
#include "catalog/url.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace schemac::catalog {
namespace {

constexpr std::string_view kRedacted = "***";
constexpr std::string_view kCanonicalScheme = "postgresql://";

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

/// Range is a byte range [begin, end) of a password inside a URL or conninfo.
struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool is_url(std::string_view text) {
  const auto sep = text.find("://");
  return sep != std::string_view::npos && sep > 0 &&
         std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(sep), [](char c) {
           return std::isalpha(static_cast<unsigned char>(c)) || c == '+';
         });
}

/// url_password_ranges finds the userinfo password and every `password=` query value.
std::vector<Range> url_password_ranges(std::string_view url) {
  std::vector<Range> ranges;
  const std::size_t authority = url.find("://") + 3;
  const std::size_t query = url.find('?', authority);
  const std::size_t at = url.rfind('@', query == std::string_view::npos ? url.size() : query);
  if (at != std::string_view::npos && at >= authority) {
    const std::size_t colon = url.find(':', authority);
    if (colon != std::string_view::npos && colon < at) ranges.push_back({colon + 1, at});
  }
  if (query == std::string_view::npos) return ranges;
  std::size_t pos = query + 1;
  while (pos <= url.size()) {
    std::size_t amp = url.find('&', pos);
    if (amp == std::string_view::npos) amp = url.size();
    const std::string_view param = url.substr(pos, amp - pos);
    if (starts_with_nocase(param, "password=")) ranges.push_back({pos + 9, amp});
    pos = amp + 1;
  }
  return ranges;
}

/// conninfo_password_ranges finds `password = value` in libpq's key=value form,
/// where a value is a bare word or a single-quoted string with backslash escapes.
std::vector<Range> conninfo_password_ranges(std::string_view info) {
  std::vector<Range> ranges;
  std::size_t pos = 0;
  const auto skip_space = [&] {
    while (pos < info.size() && std::isspace(static_cast<unsigned char>(info[pos]))) ++pos;
  };
  while (pos < info.size()) {
    skip_space();
    const std::size_t key_begin = pos;
    while (pos < info.size() && info[pos] != '=' &&
           !std::isspace(static_cast<unsigned char>(info[pos])))
      ++pos;
    const std::string_view key = info.substr(key_begin, pos - key_begin);
    skip_space();
    if (pos >= info.size() || info[pos] != '=') break;  // not key=value text
    ++pos;
    skip_space();
    const std::size_t value_begin = pos;
    if (pos < info.size() && info[pos] == '\'') {
      for (++pos; pos < info.size() && info[pos] != '\''; ++pos) {
        if (info[pos] == '\\') ++pos;
      }
      pos = std::min(pos + 1, info.size());
    } else {
      while (pos < info.size() && !std::isspace(static_cast<unsigned char>(info[pos]))) ++pos;
    }
    if (key == "password") ranges.push_back({value_begin, pos});
  }
  return ranges;
}

std::vector<Range> password_ranges(std::string_view url) {
  return is_url(url) ? url_password_ranges(url) : conninfo_password_ranges(url);
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

/// unquote_conninfo_value undoes libpq's single-quote form: 'a\'b' -> a'b.
std::string unquote_conninfo_value(std::string_view value) {
  if (value.size() < 2 || value.front() != '\'') return std::string(value);
  std::string out;
  for (std::size_t i = 1; i + 1 < value.size(); ++i) {
    if (value[i] == '\\' && i + 2 < value.size()) ++i;
    out += value[i];
  }
  return out;
}

void replace_all(std::string& text, std::string_view needle, std::string_view with) {
  if (needle.empty()) return;
  for (std::size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + with.size())) {
    text.replace(pos, needle.size(), with);
  }
}

}  // namespace

std::string normalize_url(std::string_view url) {
  for (std::string_view scheme : {"postgis://", "postgres://", "postgresql://"}) {
    if (starts_with_nocase(url, scheme)) {
      return std::string(kCanonicalScheme) + std::string(url.substr(scheme.size()));
    }
  }
  return std::string(url);
}

std::string redact_url(std::string_view url) {
  std::string out(url);
  const auto ranges = password_ranges(url);
  // Replace back to front so earlier ranges keep their offsets.
  for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
    if (it->end > it->begin) out.replace(it->begin, it->end - it->begin, kRedacted);
  }
  return out;
}

std::string redact_secrets(std::string_view message, std::string_view url) {
  std::vector<std::string> secrets;
  const bool url_form = is_url(url);
  for (const Range& range : password_ranges(url)) {
    const std::string_view raw = url.substr(range.begin, range.end - range.begin);
    if (raw.empty()) continue;
    secrets.emplace_back(raw);
    secrets.push_back(url_form ? percent_decode(raw) : unquote_conninfo_value(raw));
  }
  // Longest first, so a secret that contains another is removed whole.
  std::sort(secrets.begin(), secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out(message);
  for (const std::string& secret : secrets) replace_all(out, secret, kRedacted);
  return out;
}

}  // namespace schemac::catalog
