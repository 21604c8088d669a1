// libFuzzer target: arbitrary bytes as a .schema file through parse, lower,
// normalize and the diagnostic renderer. Built only with -DSCHEMAC_FUZZ=ON and
// clang (tests/fuzz/CMakeLists.txt); run by tests/fuzz/run_fuzzer.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/render.hpp"
#include "base/source.hpp"
#include "dsl/lower.hpp"
#include "dsl/parse.hpp"
#include "ir/normalize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace schemac;
  base::SourceManager sources;
  base::Diagnostics diags;
  base::FileId id =
      sources.add("fuzz.schema", std::string(reinterpret_cast<const char*>(data), size));
  std::vector<dsl::ast::File> files;
  if (auto file = dsl::parse(sources, id, diags)) files.push_back(std::move(*file));
  if (!diags.has_errors() && !files.empty()) {
    ir::Catalog catalog = dsl::lower(files, {}, diags);
    if (!diags.has_errors()) ir::normalize(catalog);
  }
  // Rendering walks every span back to its line and caret: spans must stay in range.
  std::string text = base::render_text(sources, diags);
  return text.size() == static_cast<std::size_t>(-1);  // keep the result observable
}
