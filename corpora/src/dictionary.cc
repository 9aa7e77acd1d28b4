#include "tandem/corpora/dictionary.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <optional>
#include <unordered_set>
#include <utility>
#include <zlib.h>

#include <fmt/format.h>

#include "dictionary_sources.h"
#include "freedict_data.h"
#include "tandem/core/language.h"
#include "tandem/core/text_io.h"
#include "tandem/util/utf8.h"

namespace tandem::corpora {
namespace {

// FreeDict's codes that are not the ISO 639-3 code ICU gives for the language, and the codes of
// languages whose dictionaries are also filed under a neighbouring code.
constexpr std::pair<std::string_view, std::string_view> kFreeDictAliases[] = {
    {"ron", "rom"},                  // Romanian: FreeDict's eng-rom
    {"swa", "swh"},                  // Swahili (macrolanguage) -> Kiswahili
    {"nob", "nor"},                  // Norwegian Bokmål <-> Norwegian
    {"nor", "nob"}, {"kur", "kmr"},  // Kurdish <-> Northern Kurdish (Kurmanji)
    {"kmr", "kur"},
};

// The language tag of each code in FreeDict's names (Debian 12); other codes stand for
// themselves.
constexpr std::pair<std::string_view, std::string_view> kFreeDictTags[] = {
    {"afr", "af"}, {"ara", "ar"}, {"bre", "br"}, {"bul", "bg"}, {"cat", "ca"}, {"ces", "cs"},
    {"cym", "cy"}, {"dan", "da"}, {"deu", "de"}, {"ell", "el"}, {"eng", "en"}, {"epo", "eo"},
    {"fin", "fi"}, {"fra", "fr"}, {"gla", "gd"}, {"gle", "ga"}, {"hin", "hi"}, {"hrv", "hr"},
    {"hun", "hu"}, {"ind", "id"}, {"isl", "is"}, {"ita", "it"}, {"jpn", "ja"}, {"kur", "ku"},
    {"lat", "la"}, {"lit", "lt"}, {"mkd", "mk"}, {"nld", "nl"}, {"nno", "nn"}, {"nob", "nb"},
    {"nor", "no"}, {"oci", "oc"}, {"pol", "pl"}, {"por", "pt"}, {"rom", "ro"}, {"ron", "ro"},
    {"rus", "ru"}, {"san", "sa"}, {"slk", "sk"}, {"slv", "sl"}, {"spa", "es"}, {"srp", "sr"},
    {"swe", "sv"}, {"swh", "sw"}, {"swa", "sw"}, {"tur", "tr"}, {"wol", "wo"},
};

template <typename T>
bool Contains(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// "PREFIXfrom-to" with two codes of two or three lower-case letters.
std::optional<FreeDictName> ParseFreeDictName(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) return std::nullopt;
  name.remove_prefix(prefix.size());
  const std::size_t dash = name.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const std::string_view from = name.substr(0, dash);
  const std::string_view to = name.substr(dash + 1);
  auto is_code = [](std::string_view code) {
    return code.size() >= 2 && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (!is_code(from) || !is_code(to) || from == to) return std::nullopt;
  return FreeDictName{std::string(from), std::string(to)};
}

std::string_view Trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// Inflates a gzip file (dictzip is gzip with an index in the header's extra field).
StatusOr<std::string> Inflate(const std::string& compressed, const std::string& path) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    return InternalError(fmt::format("{}: cannot initialise zlib", path));
  }
  std::string out;
  out.resize(std::max<std::size_t>(compressed.size() * 4, 1 << 16));
  // zlib's interface predates const.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(std::min<std::size_t>(compressed.size(), UINT32_MAX));
  int code = Z_OK;
  while (code == Z_OK) {
    if (stream.total_out >= out.size()) out.resize(out.size() * 2);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + stream.total_out);
    stream.avail_out =
        static_cast<uInt>(std::min<std::size_t>(out.size() - stream.total_out, UINT32_MAX));
    code = inflate(&stream, Z_NO_FLUSH);
    if (code == Z_BUF_ERROR && stream.avail_out > 0) break;  // truncated input
    if (code == Z_BUF_ERROR) code = Z_OK;                    // output full: grow and go on
  }
  const std::string message = stream.msg != nullptr ? stream.msg : "";
  out.resize(stream.total_out);
  inflateEnd(&stream);
  if (code != Z_STREAM_END) {
    return InvalidDataError(fmt::format("{}: cannot inflate the dictionary ({})", path,
                                        message.empty() ? "truncated or not gzip" : message));
  }
  return out;
}

// Removes parenthesised and bracketed notes: "megoldás (feladaté)" -> "megoldás ".
std::string DropNotes(std::string_view text) {
  std::string out;
  int depth = 0;
  for (const char c : text) {
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// The alternatives of a headword or translation line.
std::vector<std::string> Alternatives(std::string_view text) {
  std::vector<std::string> out;
  const std::string clean = DropNotes(text);
  std::string_view rest = clean;
  while (true) {
    const std::size_t end = rest.find_first_of(",;");
    const std::string_view part = Trim(rest.substr(0, end));
    // "zig#zig" and similar markup, and suffix entries ("-mellű") are no words of a text.
    if (!part.empty() && part.find('#') == std::string_view::npos && part.front() != '-') {
      out.emplace_back(part);
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return out;
}

bool IsNumberedLine(std::string_view line, std::string_view& rest) {
  std::size_t k = 0;
  while (k < line.size() && line[k] >= '0' && line[k] <= '9') ++k;
  if (k == 0 || k + 1 >= line.size() || line[k] != '.' || line[k + 1] != ' ') return false;
  rest = line.substr(k + 2);
  return true;
}

// "maison 2." -> "maison": a stray sense number at the end of a line.
std::string_view DropTrailingSenseNumber(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.back() != '.') return line;
  std::size_t k = line.size() - 1;
  while (k > 0 && line[k - 1] >= '0' && line[k - 1] <= '9') --k;
  if (k == line.size() - 1 || k == 0 || line[k - 1] != ' ') return line;
  return Trim(line.substr(0, k - 1));
}

// The headword of an entry's first line: what stands before the IPA (" /") or the part of
// speech (" <").
std::string_view Headword(std::string_view line) {
  std::size_t end = line.size();
  for (std::string_view marker : {" /", " <"}) {
    const std::size_t at = line.find(marker);
    if (at != std::string_view::npos) end = std::min(end, at);
  }
  return Trim(line.substr(0, end));
}

// ô -> ő, û -> ű (and capitals): FreeDict's eng-hun writes Hungarian's double acute letters
// with circumflexes, which Hungarian does not use.
void RepairHungarian(std::string& text) {
  static const std::pair<std::string_view, std::string_view> kRepairs[] = {
      {"\xC3\xB4", "\xC5\x91"},
      {"\xC3\xBB", "\xC5\xB1"},  // ô ő, û ű
      {"\xC3\x94", "\xC5\x90"},
      {"\xC3\x9B", "\xC5\xB0"},  // Ô Ő, Û Ű
  };
  for (const auto& [from, to] : kRepairs) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
}

void AddEntry(align::Lexicon& lexicon, std::string_view entry, bool reverse, bool repair_from,
              bool repair_to) {
  const std::vector<std::string_view> lines = Lines(entry);
  if (lines.empty()) return;
  std::vector<std::string> heads = Alternatives(Headword(lines.front()));
  std::vector<std::string> translations;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    std::string_view line = Trim(lines[k]);
    std::string_view numbered;
    if (IsNumberedLine(line, numbered)) {
      line = numbered;
    } else if (k != 1) {
      continue;  // a definition or a bare sense marker
    }
    for (std::string& t : Alternatives(DropTrailingSenseNumber(line))) {
      translations.push_back(std::move(t));
    }
  }
  if (repair_from) {
    for (std::string& h : heads) RepairHungarian(h);
  }
  if (repair_to) {
    for (std::string& t : translations) RepairHungarian(t);
  }
  for (const std::string& head : heads) {
    for (const std::string& translation : translations) {
      if (reverse) {
        lexicon.entries.push_back({translation, head});
      } else {
        lexicon.entries.push_back({head, translation});
      }
    }
  }
}

std::string FileName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

}  // namespace

bool DecodeDictdNumber(std::string_view digits, std::size_t& value) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (digits.empty()) return false;
  value = 0;
  for (const char c : digits) {
    const std::size_t digit = kAlphabet.find(c);
    if (digit == std::string_view::npos) return false;
    if (value > (std::numeric_limits<std::size_t>::max() - digit) / 64) return false;
    value = value * 64 + digit;
  }
  return true;
}

StatusOr<align::Lexicon> ReadFreeDict(const std::string& directory, const std::string& from,
                                      const std::string& to, bool reverse) {
  const std::string name = fmt::format("freedict-{}-{}", from, to);
  const std::string index_path = (std::filesystem::path(directory) / (name + ".index")).string();
  const std::string dict_path = (std::filesystem::path(directory) / (name + ".dict.dz")).string();
  TANDEM_ASSIGN_OR_RETURN(const DecodedText index, ReadTextFile(index_path));
  TANDEM_ASSIGN_OR_RETURN(const std::string compressed, ReadFileBytes(dict_path));
  TANDEM_ASSIGN_OR_RETURN(const std::string dict, Inflate(compressed, dict_path));
  TANDEM_RETURN_IF_ERROR(CheckUtf8(dict, dict_path));

  align::Lexicon lexicon;
  lexicon.name = name;
  std::unordered_set<std::size_t> seen;  // several index keys may point to one entry
  const std::vector<std::string_view> lines = Lines(index.text);
  for (std::size_t number = 0; number < lines.size(); ++number) {
    const std::string_view line = lines[number];
    if (Trim(line).empty()) continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) {
      return InvalidDataError(fmt::format("{}:{}: expected 'headword<TAB>offset<TAB>length'",
                                          FileName(index_path), number + 1));
    }
    const std::string_view key = line.substr(0, tab1);
    std::size_t offset = 0;
    std::size_t length = 0;
    if (!DecodeDictdNumber(Trim(line.substr(tab1 + 1, tab2 - tab1 - 1)), offset) ||
        !DecodeDictdNumber(Trim(line.substr(tab2 + 1)), length)) {
      return InvalidDataError(
          fmt::format("{}:{}: offset and length must be dictd base64 numbers (A-Z, a-z, 0-9, "
                      "+, /)",
                      FileName(index_path), number + 1));
    }
    if (offset > dict.size() || length > dict.size() - offset) {
      return InvalidDataError(fmt::format(
          "{}:{}: the entry at {}+{} lies beyond the end of {} ({} bytes inflated)",
          FileName(index_path), number + 1, offset, length, FileName(dict_path), dict.size()));
    }
    // The entries are UTF-8 (checked above) only when cut at character boundaries; an index
    // made for another version of the dictionary cuts characters in half.
    auto boundary = [&dict](std::size_t at) { return tandem::internal::IsBoundary(dict, at); };
    if (!boundary(offset) || !boundary(offset + length)) {
      return InvalidDataError(fmt::format(
          "{}:{}: the entry at {}+{} cuts a character of {} in half: the index does not belong "
          "to this dictionary file",
          FileName(index_path), number + 1, offset, length, FileName(dict_path)));
    }
    if (key.starts_with("00database") || key.starts_with("00-database")) continue;
    if (!seen.insert(offset).second) continue;
    AddEntry(lexicon, std::string_view(dict).substr(offset, length), reverse, from == "hun",
             to == "hun");
  }
  return lexicon;
}

StatusOr<align::Lexicon> ReadUserDictionary(const std::string& path) {
  TANDEM_ASSIGN_OR_RETURN(const DecodedText file, ReadTextFile(path));
  enum class Format { kUnknown, kTabs, kHunalign };
  Format format = Format::kUnknown;
  align::Lexicon lexicon;
  lexicon.name = FileName(path);
  const std::vector<std::string_view> lines =
      Lines(std::string_view(file.text).substr(file.content_begin));
  for (std::size_t number = 0; number < lines.size(); ++number) {
    const std::string_view line = lines[number];
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (format == Format::kUnknown) {
      if (line.find('\t') != std::string_view::npos) {
        format = Format::kTabs;
      } else if (line.find(" @ ") != std::string_view::npos) {
        format = Format::kHunalign;
      } else {
        return InvalidDataError(fmt::format(
            "{}:{}: expected 'source<TAB>target' (tab-separated) or 'target @ source' (hunalign "
            "dictionary format)",
            path, number + 1));
      }
    }
    std::string_view source;
    std::string_view target;
    if (format == Format::kTabs) {
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) {
        return InvalidDataError(fmt::format(
            "{}:{}: expected 'source<TAB>target' like the lines before it", path, number + 1));
      }
      source = Trim(line.substr(0, tab));
      const std::size_t end = line.find('\t', tab + 1);
      target = Trim(line.substr(tab + 1, end == std::string_view::npos ? end : end - tab - 1));
    } else {
      const std::size_t at = line.find(" @ ");
      if (at == std::string_view::npos) {
        return InvalidDataError(fmt::format(
            "{}:{}: expected 'target @ source' (hunalign dictionary format)", path, number + 1));
      }
      target = Trim(line.substr(0, at));
      source = Trim(line.substr(at + 3));
    }
    if (source.empty() || target.empty()) {
      return InvalidDataError(fmt::format(
          "{}:{}: a dictionary line needs a source and a target word", path, number + 1));
    }
    lexicon.entries.push_back({std::string(source), std::string(target)});
  }
  return lexicon;
}

StatusOr<std::vector<align::Lexicon>> FindFreeDictionaries(const std::string& directory,
                                                           const std::string& source_language,
                                                           const std::string& target_language) {
  DictionaryRequest request;
  request.specs = {"auto"};
  request.freedict_directory = directory;
  return LoadDictionaries(request, source_language, target_language);
}

std::string FreeDictName::Name() const { return fmt::format("freedict-{}-{}", from, to); }

std::string FreeDictName::DebianPackage() const { return "dict-" + Name(); }

std::vector<std::string> FreeDictCodes(const std::string& language_tag) {
  std::vector<std::string> codes;
  const std::string code = Iso639_3(language_tag);
  if (code.empty()) return codes;
  codes.push_back(code);
  for (const auto& [standard, freedict] : kFreeDictAliases) {
    if (code == standard && !Contains(codes, std::string(freedict))) {
      codes.emplace_back(freedict);
    }
  }
  return codes;
}

std::string FreeDictLanguageTag(std::string_view code) {
  for (const auto& [freedict, tag] : kFreeDictTags) {
    if (freedict == code) return std::string(tag);
  }
  return std::string(code);
}

std::vector<FreeDictName> InstalledFreeDictionaries(const std::string& directory) {
  std::vector<FreeDictName> found;
  std::error_code error;
  for (auto it = std::filesystem::directory_iterator(directory, error);
       !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
    const std::string file = it->path().filename().string();
    if (!file.ends_with(".index")) continue;
    std::optional<FreeDictName> name =
        ParseFreeDictName(std::string_view(file).substr(0, file.size() - 6), "freedict-");
    if (!name) continue;
    const std::filesystem::path dict = it->path().parent_path() / (name->Name() + ".dict.dz");
    if (std::filesystem::exists(dict, error)) found.push_back(std::move(*name));
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<FreeDictName> DebianFreeDictionaries(const std::vector<std::string>& package_names) {
  std::vector<FreeDictName> found;
  auto add = [&found](std::string_view line) {
    line = Trim(line);
    if (line.empty() || line[0] == '#') return;
    if (std::optional<FreeDictName> name = ParseFreeDictName(line, "dict-freedict-")) {
      found.push_back(std::move(*name));
    }
  };
  if (package_names.empty()) {
    for (std::string_view line : Lines(data::FreeDictDebian12())) add(line);
  } else {
    for (const std::string& name : package_names) add(name);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::vector<FreeDictName> FreeDictionariesFor(const std::vector<FreeDictName>& dictionaries,
                                              const std::string& source_language,
                                              const std::string& target_language) {
  const std::vector<std::string> source = FreeDictCodes(source_language);
  const std::vector<std::string> target = FreeDictCodes(target_language);
  std::vector<FreeDictName> forward;
  std::vector<FreeDictName> backward;
  if (source.empty() || target.empty() || source.front() == target.front()) return forward;
  for (const FreeDictName& d : dictionaries) {
    if (Contains(source, d.from) && Contains(target, d.to)) forward.push_back(d);
    if (Contains(target, d.from) && Contains(source, d.to)) backward.push_back(d);
  }
  forward.insert(forward.end(), backward.begin(), backward.end());
  return forward;
}

StatusOr<std::vector<internal::DictionarySource>> internal::DictionarySources(
    const DictionaryRequest& request, const std::string& source_language,
    const std::string& target_language) {
  std::vector<DictionarySource> sources;
  if (std::find(request.specs.begin(), request.specs.end(), "none") != request.specs.end()) {
    if (request.specs.size() > 1) {
      return InvalidArgumentError("--dictionary none cannot be combined with other dictionaries");
    }
    return sources;
  }
  for (const std::string& spec : request.specs) {
    if (spec != "auto") {
      sources.push_back(
          {FileName(spec), {spec}, "user", [spec] { return ReadUserDictionary(spec); }});
      continue;
    }
    const std::string& directory = request.freedict_directory;
    for (const FreeDictName& d : FreeDictionariesFor(InstalledFreeDictionaries(directory),
                                                     source_language, target_language)) {
      // A dictionary of the target language's headwords is read reversed, so that every lexicon
      // is oriented source -> target.
      const bool reverse = !Contains(FreeDictCodes(source_language), d.from);
      const std::string base = (std::filesystem::path(directory) / d.Name()).string();
      sources.push_back(
          {d.Name(),
           {base + ".index", base + ".dict.dz"},
           reverse ? "freedict reversed" : "freedict",
           [directory, d, reverse] { return ReadFreeDict(directory, d.from, d.to, reverse); }});
    }
  }
  return sources;
}

StatusOr<std::vector<align::Lexicon>> LoadDictionaries(const DictionaryRequest& request,
                                                       const std::string& source_language,
                                                       const std::string& target_language) {
  TANDEM_ASSIGN_OR_RETURN(const std::vector<internal::DictionarySource> sources,
                          internal::DictionarySources(request, source_language, target_language));
  std::vector<align::Lexicon> lexicons;
  for (const internal::DictionarySource& source : sources) {
    TANDEM_ASSIGN_OR_RETURN(align::Lexicon lexicon, source.read());
    lexicons.push_back(std::move(lexicon));
  }
  return lexicons;
}

std::uint64_t DictionaryFileBytes(const DictionaryRequest& request,
                                  const std::string& source_language,
                                  const std::string& target_language) {
  std::uint64_t total = 0;
  auto add = [&total](const std::string& path) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error) total += size;
  };
  for (const std::string& spec : request.specs) {
    if (spec == "none") return 0;
    if (spec != "auto") {
      add(spec);
      continue;
    }
    const std::string source = Iso639_3(source_language);
    const std::string target = Iso639_3(target_language);
    if (source.empty() || target.empty() || source == target) continue;
    for (const auto& [from, to] : {std::pair{source, target}, std::pair{target, source}}) {
      const std::string base = (std::filesystem::path(request.freedict_directory) /
                                fmt::format("freedict-{}-{}", from, to))
                                   .string();
      add(base + ".index");
      add(base + ".dict.dz");
    }
  }
  return total;
}

}  // namespace tandem::corpora
