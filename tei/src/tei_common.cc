#include "tei_common.h"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace tandem::tei::internal {
namespace {

// "en", "hu", "pt-BR", "zh-Hant": a primary language subtag of 2 or 3 letters, then subtags of
// letters and digits. Anything else (empty, "und-x-...", odd strings read from files) is not
// used as an id.
bool IsPlainLanguageTag(std::string_view tag) {
  std::size_t i = 0;
  while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    ++i;
    const std::size_t start = i;
    while (i < tag.size() &&
           ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z') ||
            (tag[i] >= '0' && tag[i] <= '9'))) {
      ++i;
    }
    if (i == start) return false;
  }
  return true;
}

bool ParseSize(std::string_view text, std::size_t* value) {
  if (text.empty()) return false;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

}  // namespace

std::pair<std::string, std::string> TextIds(const corpora::Bitext& bitext) {
  const std::string& a = bitext.source.language;
  const std::string& b = bitext.target.language;
  if (a == b || !IsPlainLanguageTag(a) || !IsPlainLanguageTag(b)) return {"src", "tgt"};
  return {a, b};
}

std::string DerivedParagraphId(std::string_view text_id, std::size_t paragraph) {
  return fmt::format("{}.p{}", text_id, paragraph + 1);
}

std::string DerivedSentenceId(std::string_view text_id, std::size_t paragraph,
                              std::size_t sentence_in_paragraph) {
  return fmt::format("{}.p{}.s{}", text_id, paragraph + 1, sentence_in_paragraph + 1);
}

bool HasParagraphIdForm(std::string_view id) {
  const std::size_t at = id.rfind(".p");
  if (at == std::string_view::npos || at + 2 == id.size()) return false;
  return id.find_first_not_of("0123456789", at + 2) == std::string_view::npos;
}

std::string DefaultTextTitle(const Document& doc) {
  const std::string file = std::filesystem::path(doc.name).filename().string();
  return file.empty() ? std::string("untitled text") : file;
}

std::string DefaultTitle(const corpora::Bitext& bitext) {
  auto title_of = [](const Document& doc, const corpora::TextInfo& info) {
    return info.title.empty() ? DefaultTextTitle(doc) : info.title;
  };
  const std::string source_title = title_of(bitext.source, bitext.source_info);
  const std::string target_title = title_of(bitext.target, bitext.target_info);
  const std::string languages =
      fmt::format("{}-{}", bitext.source.language, bitext.target.language);
  if (source_title == target_title) {
    return fmt::format("{}: sentence alignment ({})", source_title, languages);
  }
  return fmt::format("{} / {}: sentence alignment ({})", source_title, target_title, languages);
}

std::string SpanPointer(std::string_view file_uri, const Span& span) {
  return fmt::format("{}#byte={},{}", file_uri, span.begin, span.end);
}

std::optional<ParsedSpanPointer> ParseSpanPointer(std::string_view pointer) {
  const std::size_t hash = pointer.rfind("#byte=");
  if (hash == std::string_view::npos) return std::nullopt;
  const std::string_view numbers = pointer.substr(hash + 6);
  const std::size_t comma = numbers.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  ParsedSpanPointer parsed;
  if (!ParseSize(numbers.substr(0, comma), &parsed.span.begin) ||
      !ParseSize(numbers.substr(comma + 1), &parsed.span.end) ||
      parsed.span.end <= parsed.span.begin) {
    return std::nullopt;
  }
  parsed.file = std::string(pointer.substr(0, hash));
  return parsed;
}

}  // namespace tandem::tei::internal

namespace tandem::tei::internal {
namespace {

namespace fs = std::filesystem;

// The directory `dir` as the file system has it (symbolic links resolved, as far as it exists),
// absolute; or, when that fails, absolute and lexically normal.
fs::path PhysicalDirectory(const fs::path& dir) {
  std::error_code ec;
  fs::path absolute = fs::absolute(dir.empty() ? fs::path(".") : dir, ec);
  if (ec) return dir.lexically_normal();
  fs::path physical = fs::weakly_canonical(absolute, ec);
  if (ec) return absolute.lexically_normal();
  return physical;
}

}  // namespace

bool IsPathlessName(std::string_view name) {
  return name.empty() || name == "-" || name == "<stdin>";
}

bool HasUriScheme(std::string_view pointer) {
  // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":", before any "/", "#" or "?".
  if (pointer.empty() || !std::isalpha(static_cast<unsigned char>(pointer[0]))) return false;
  for (std::size_t i = 1; i < pointer.size(); ++i) {
    const char c = pointer[i];
    if (c == ':') return i > 1;  // one letter: a drive letter ("C:"), not a scheme
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

std::string PathInBitextFile(const std::string& name, const std::string& bitext_path) {
  if (IsPathlessName(name)) return name;
  const fs::path source(name);
  if (source.filename().empty()) return name;
  const fs::path corpus_dir =
      IsPathlessName(bitext_path) ? fs::path() : fs::path(bitext_path).parent_path();
  const fs::path from = PhysicalDirectory(corpus_dir);
  const fs::path to = PhysicalDirectory(source.parent_path()) / source.filename();
  fs::path relative = to.lexically_relative(from);
  if (relative.empty()) relative = to;
  return relative.generic_string();
}

std::string PathFromBitextFile(const std::string& stored, const std::string& bitext_path) {
  if (IsPathlessName(stored)) return stored;
  const fs::path path(stored);
  if (path.is_absolute() || IsPathlessName(bitext_path)) return stored;
  const fs::path joined = fs::path(bitext_path).parent_path() / path;
  const fs::path normal = joined.lexically_normal();
  if (normal == joined) return joined.generic_string();
  // "dir/../x" is "x" for the file system only when dir is not a symbolic link: keep the
  // joined form when the two are different files.
  std::error_code ec;
  if (fs::exists(joined, ec) && !fs::equivalent(joined, normal, ec)) return joined.generic_string();
  return normal.generic_string();
}

}  // namespace tandem::tei::internal
