// Written with nlohmann::ordered_json so the file reads in a natural order; the
// checksum is taken over the compact dump of the document without its
// "checksum" key, with keys sorted (nlohmann::json), so a reader recomputes it
// the same way whatever the file's spacing. No exceptions escape: parsing uses
// allow_exceptions = false and every field's type is checked before it is read.
#include "emit/json.hpp"

#include <nlohmann/json.hpp>

#include "base/sha256.hpp"
#include "emit/database_state.hpp"

namespace schemac::emit {
namespace {

using Json = nlohmann::json;
using Ordered = nlohmann::ordered_json;

std::string_view verb_name(plan::Verb verb) {
  switch (verb) {
    case plan::Verb::Create:
      return "create";
    case plan::Verb::Alter:
      return "alter";
    case plan::Verb::Drop:
      return "drop";
  }
  return "alter";
}

std::optional<plan::Verb> verb_from(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  for (plan::Verb verb : {plan::Verb::Create, plan::Verb::Alter, plan::Verb::Drop})
    if (value.get<std::string>() == verb_name(verb)) return verb;
  return std::nullopt;
}

Ordered hazards_json(const std::vector<plan::Hazard>& hazards) {
  Ordered out = Ordered::array();
  for (plan::Hazard hazard : hazards) out.push_back(std::string(plan::hazard_name(hazard)));
  return out;
}

std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string checksum_of(Json doc) {
  doc.erase("checksum");
  return "sha256:" + base::sha256_hex(dump(doc));
}

Ordered database_json(const std::optional<DatabaseState>& database) {
  if (!database) return nullptr;
  Ordered objects = Ordered::array();
  for (const DatabaseObject& object : database->objects)
    objects.push_back({{"object", object.key}, {"lines", object.lines}});
  return {{"schemas", database->schemas},
          {"fingerprint", database->fingerprint},
          {"objects", std::move(objects)}};
}

Ordered step_json(std::size_t number, const DocumentStep& step) {
  Ordered changes = Ordered::array();
  for (const plan::Line& line : step.changes)
    changes.push_back({{"verb", verb_name(line.verb)},
                       {"text", line.text},
                       {"hazards", hazards_json(line.hazards)}});
  Ordered statements = Ordered::array();
  for (const Statement& statement : step.statements) {
    Ordered item = {{"sql", statement.sql},
                    {"transactional", statement.in_transaction},
                    {"unit", statement.unit}};
    if (!statement.retry_cleanup.empty()) item["retry_cleanup"] = statement.retry_cleanup;
    statements.push_back(std::move(item));
  }
  return {{"number", number},
          {"summary", step.summary},
          {"verb", verb_name(step.verb)},
          {"hazards", hazards_json(step.hazards)},
          {"changes", std::move(changes)},
          {"statements", std::move(statements)}};
}

// Reader: each function checks the shape it reads and names what is wrong.
struct Reader {
  std::string& error;

  bool fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return false;
  }

  bool string_field(const Json& object, const char* key, std::string& out, const std::string& at) {
    if (!object.contains(key) || !object[key].is_string())
      return fail(at + ": \"" + key + "\" must be a string");
    out = object[key].get<std::string>();
    return true;
  }

  bool strings(const Json& value, std::vector<std::string>& out, const std::string& at) {
    if (!value.is_array()) return fail(at + " must be a list of strings");
    for (const Json& item : value) {
      if (!item.is_string()) return fail(at + " must be a list of strings");
      out.push_back(item.get<std::string>());
    }
    return true;
  }

  bool hazards(const Json& object, std::vector<plan::Hazard>& out, const std::string& at) {
    std::vector<std::string> names;
    if (!object.contains("hazards") || !strings(object["hazards"], names, at + ".hazards"))
      return fail(at + ": \"hazards\" must be a list of strings");
    for (const std::string& name : names) {
      std::optional<plan::Hazard> hazard = plan::hazard_from_name(name);
      if (!hazard) return fail(at + ": unknown hazard \"" + name + "\"");
      out.push_back(*hazard);
    }
    return true;
  }

  bool verb(const Json& object, plan::Verb& out, const std::string& at) {
    std::optional<plan::Verb> value =
        object.contains("verb") ? verb_from(object["verb"]) : std::nullopt;
    if (!value) return fail(at + ": \"verb\" must be \"create\", \"alter\" or \"drop\"");
    out = *value;
    return true;
  }

  bool database(const Json& value, std::optional<DatabaseState>& out) {
    if (value.is_null()) return true;
    if (!value.is_object()) return fail("\"database\" must be an object or null");
    DatabaseState state;
    if (!value.contains("schemas") || !strings(value["schemas"], state.schemas, "database.schemas"))
      return false;
    if (!string_field(value, "fingerprint", state.fingerprint, "database")) return false;
    if (!value.contains("objects") || !value["objects"].is_array())
      return fail("database: \"objects\" must be a list");
    for (const Json& object : value["objects"]) {
      DatabaseObject item;
      if (!object.is_object() || !string_field(object, "object", item.key, "database.objects") ||
          !object.contains("lines") ||
          !strings(object["lines"], item.lines, "database.objects.lines"))
        return fail("database.objects: each object needs \"object\" and \"lines\"");
      state.objects.push_back(std::move(item));
    }
    if (fingerprint_of(state.objects) != state.fingerprint)
      return fail("database: the fingerprint does not match the objects listed");
    out = std::move(state);
    return true;
  }

  bool step(const Json& value, std::size_t index, DocumentStep& out) {
    std::string at = "steps[" + std::to_string(index) + "]";
    if (!value.is_object()) return fail(at + " must be an object");
    if (!value.contains("number") || !value["number"].is_number_unsigned() ||
        value["number"].get<std::size_t>() != index + 1)
      return fail(at + ": \"number\" must be " + std::to_string(index + 1));
    if (!string_field(value, "summary", out.summary, at) || !verb(value, out.verb, at) ||
        !hazards(value, out.hazards, at))
      return false;
    if (!value.contains("changes") || !value["changes"].is_array())
      return fail(at + ": \"changes\" must be a list");
    for (const Json& change : value["changes"]) {
      plan::Line line;
      if (!change.is_object() || !verb(change, line.verb, at + ".changes") ||
          !string_field(change, "text", line.text, at + ".changes") ||
          !hazards(change, line.hazards, at + ".changes"))
        return fail(at + ": malformed change");
      out.changes.push_back(std::move(line));
    }
    if (!value.contains("statements") || !value["statements"].is_array() ||
        value["statements"].empty())
      return fail(at + ": \"statements\" must be a non-empty list");
    for (const Json& statement : value["statements"]) {
      Statement item;
      item.step = index;
      if (!statement.is_object() || !string_field(statement, "sql", item.sql, at + ".statements") ||
          !statement.contains("transactional") || !statement["transactional"].is_boolean())
        return fail(at + ": each statement needs \"sql\" and \"transactional\"");
      item.in_transaction = statement["transactional"].get<bool>();
      if (!statement.contains("unit") || !statement["unit"].is_number_unsigned())
        return fail(at + ": each statement needs a \"unit\" (a number from 0)");
      item.unit = statement["unit"].get<std::size_t>();
      if (statement.contains("retry_cleanup") &&
          !string_field(statement, "retry_cleanup", item.retry_cleanup, at + ".statements"))
        return false;
      out.statements.push_back(std::move(item));
    }
    out.unit = out.statements.front().unit;
    out.transactional = out.statements.front().in_transaction;
    return true;
  }
};

}  // namespace

std::string to_json(const PlanDocument& doc, std::string_view generator) {
  ChangeCounts counts = count_changes(doc);
  Ordered steps = Ordered::array();
  for (std::size_t i = 0; i < doc.steps.size(); ++i)
    steps.push_back(step_json(i + 1, doc.steps[i]));
  Ordered out = {
      {"format", std::string(kPlanFormat)},
      {"version", kPlanFormatVersion},
      {"generator", "schemac " + std::string(generator)},
      {"summary",
       {{"create", counts.create},
        {"alter", counts.alter},
        {"drop", counts.drop},
        {"steps", doc.steps.size()},
        {"hazards", hazards_json(hazards_in(doc))}}},
      {"database", database_json(doc.database)},
      {"steps", std::move(steps)},
  };
  // The dump replaces invalid UTF-8, so it always parses again.
  out["checksum"] =
      checksum_of(Json::parse(out.dump(-1, ' ', false, Ordered::error_handler_t::replace), nullptr,
                              /*allow_exceptions=*/false));
  return out.dump(2, ' ', false, Ordered::error_handler_t::replace) + "\n";
}

std::optional<PlanDocument> from_json(std::string_view text, std::string& error) {
  error.clear();
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    error = "not valid JSON (truncated or corrupted?)";
    return std::nullopt;
  }
  Reader reader{error};
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != std::string(kPlanFormat)) {
    error = "not a schemac plan file (no \"format\": \"schemac-plan\")";
    return std::nullopt;
  }
  if (!doc.contains("version") || !doc["version"].is_number_integer()) {
    error = "the plan file has no format version";
    return std::nullopt;
  }
  if (auto version = doc["version"].get<long long>(); version != kPlanFormatVersion) {
    error = "plan file format version " + std::to_string(version) +
            " is not supported (this schemac reads version " + std::to_string(kPlanFormatVersion) +
            ")";
    return std::nullopt;
  }
  if (!doc.contains("checksum") || !doc["checksum"].is_string()) {
    error = "the plan file has no checksum";
    return std::nullopt;
  }
  if (doc["checksum"].get<std::string>() != checksum_of(doc)) {
    error =
        "the plan file's checksum does not match its content: it was modified after schemac wrote "
        "it";
    return std::nullopt;
  }
  PlanDocument out;
  if (!doc.contains("database")) {
    error = "the plan file has no \"database\"";
    return std::nullopt;
  }
  if (!reader.database(doc["database"], out.database)) return std::nullopt;
  if (!doc.contains("steps") || !doc["steps"].is_array()) {
    error = "the plan file has no \"steps\" list";
    return std::nullopt;
  }
  for (std::size_t i = 0; i < doc["steps"].size(); ++i) {
    DocumentStep step;
    if (!reader.step(doc["steps"][i], i, step)) return std::nullopt;
    // Units run in increasing order (catalog::execute); a file that says otherwise was edited.
    if (!out.steps.empty() && step.unit < out.steps.back().unit) {
      error = "steps[" + std::to_string(i) + "]: its \"unit\" is lower than the step before it";
      return std::nullopt;
    }
    out.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace schemac::emit
