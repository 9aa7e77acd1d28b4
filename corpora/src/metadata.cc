#include "tandem/corpora/metadata.h"

#include <array>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tandem/core/text_io.h"

namespace tandem::corpora {
namespace {

using Field = std::pair<const char*, std::string TextInfo::*>;
constexpr std::array<Field, 9> kTextFields = {{
    {"title", &TextInfo::title},
    {"author", &TextInfo::author},
    {"date", &TextInfo::date},
    {"date_iso", &TextInfo::date_iso},
    {"translator", &TextInfo::translator},
    {"publisher", &TextInfo::publisher},
    {"source", &TextInfo::source},
    {"licence", &TextInfo::licence},
    {"note", &TextInfo::note},
}};

Status ReadText(const nlohmann::json& json, std::string_view side, std::string_view name,
                TextInfo* info) {
  if (!json.is_object()) {
    return InvalidDataError(fmt::format("{}: \"{}\" must be an object", name, side));
  }
  for (const auto& [key, value] : json.items()) {
    bool known = false;
    for (const auto& [field, member] : kTextFields) {
      if (key != field) continue;
      known = true;
      if (!value.is_string()) {
        return InvalidDataError(fmt::format("{}: \"{}\".\"{}\" must be a string", name, side, key));
      }
      info->*member = value.get<std::string>();
    }
    if (!known) {
      return InvalidDataError(fmt::format(
          "{}: unknown key \"{}\" in \"{}\" (known: title, author, date, date_iso, translator, "
          "publisher, source, licence, note)",
          name, key, side));
    }
  }
  return Status::Ok();
}

void Merge(TextInfo& base, const TextInfo& overrides) {
  for (const auto& [field, member] : kTextFields) {
    if (!(overrides.*member).empty()) base.*member = overrides.*member;
  }
}

}  // namespace

StatusOr<BitextMetadata> ParseMetadata(std::string_view text, std::string_view name) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    return InvalidDataError(
        fmt::format("{}: not valid JSON", DescribePosition(name, text, offset)));
  }
  if (!json.is_object()) {
    return InvalidDataError(fmt::format("{}: the metadata must be a JSON object", name));
  }
  BitextMetadata metadata;
  for (const auto& [key, value] : json.items()) {
    if (key == "title") {
      if (!value.is_string())
        return InvalidDataError(fmt::format("{}: \"title\" must be a string", name));
      metadata.title = value.get<std::string>();
    } else if (key == "source") {
      TANDEM_RETURN_IF_ERROR(ReadText(value, key, name, &metadata.source));
    } else if (key == "target") {
      TANDEM_RETURN_IF_ERROR(ReadText(value, key, name, &metadata.target));
    } else {
      return InvalidDataError(
          fmt::format("{}: unknown key \"{}\" (known: title, source, target)", name, key));
    }
  }
  return metadata;
}

StatusOr<BitextMetadata> ReadMetadataFile(const std::string& path) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText text, ReadTextFile(path));
  return ParseMetadata(std::string_view(text.text).substr(text.content_begin), path);
}

void ApplyMetadata(const BitextMetadata& metadata, Bitext& bitext) {
  if (!metadata.title.empty()) bitext.title = metadata.title;
  Merge(bitext.source_info, metadata.source);
  Merge(bitext.target_info, metadata.target);
}

BitextMetadata MergeMetadata(BitextMetadata base, const BitextMetadata& overrides) {
  if (!overrides.title.empty()) base.title = overrides.title;
  Merge(base.source, overrides.source);
  Merge(base.target, overrides.target);
  return base;
}

}  // namespace tandem::corpora
