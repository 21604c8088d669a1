#include "catalog/scratch_block.hpp"

namespace schemac::catalog {
namespace {

// dollar_quote quotes text as a dollar-quoted literal whose tag it does not contain.
std::string dollar_quote(const std::string& text) {
  std::string tag = "$schemac$";
  for (int n = 0; text.find(tag) != std::string::npos; ++n)
    tag = "$schemac" + std::to_string(n) + "$";
  return tag + text + tag;
}

}  // namespace

std::string scratch_block(const std::vector<ScratchStatement>& statements) {
  std::string body = "BEGIN\n";
  for (const ScratchStatement& statement : statements) {
    body += "  BEGIN EXECUTE " + statement.text + ";\n  EXCEPTION WHEN OTHERS THEN";
    body += statement.records_refusal
                ? " IF SQLSTATE IN ('42501', '25006') THEN PERFORM "
                  "pg_catalog.set_config('schemac.refused', SQLERRM, true); END IF;\n"
                : " NULL;\n";
    body += "  END;\n";
  }
  return "DO " + dollar_quote(body + "END") + " LANGUAGE plpgsql";
}

}  // namespace schemac::catalog
