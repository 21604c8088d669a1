// catalog/url: database URL handling that needs no connection: accepting the
// postgis:// scheme and removing passwords before a URL is ever printed.
#pragma once

#include <string>
#include <string_view>

namespace schemac::catalog {

/// normalize_url maps postgis:// (and postgres://) to postgresql://; other text unchanged.
std::string normalize_url(std::string_view url);
/// redact_url replaces the password of a URL or of a key=value conninfo with "***".
std::string redact_url(std::string_view url);
/// redact_secrets removes every password that `url` holds from an arbitrary
/// message (e.g. a libpq error), replacing it with "***".
std::string redact_secrets(std::string_view message, std::string_view url);

}  // namespace schemac::catalog
