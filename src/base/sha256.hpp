// base/sha256: SHA-256 (FIPS 180-4) of a byte string, as lower-case hex. Used to
// fingerprint a database's schema and to checksum saved plan files; not for secrets.
#pragma once

#include <string>
#include <string_view>

namespace schemac::base {

/// sha256_hex returns the 64-character lower-case hex digest of data.
std::string sha256_hex(std::string_view data);

}  // namespace schemac::base
