// tandem dictionaries: which language pairs have a FreeDict dictionary installed, and which
// Debian packages would add one. Also the one-line hint that align, batch and discover give for
// a pair without dictionary (common.h).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "tandem/core/language.h"
#include "tandem/corpora/dictionary.h"

namespace tandem::cli {
namespace {

struct DictionariesArgs {
  std::string source_language;
  std::string target_language;
  std::string directory = std::string(corpora::kFreeDictDirectory);
  bool apt = false;
  bool prepare = false;
};

std::string InstallCommand() { return geteuid() == 0 ? "apt-get install" : "sudo apt-get install"; }

std::string Packages(const std::vector<corpora::FreeDictName>& dictionaries) {
  std::string out;
  for (const corpora::FreeDictName& d : dictionaries) {
    out += (out.empty() ? "" : " ") + d.DebianPackage();
  }
  return out;
}

std::string Names(const std::vector<corpora::FreeDictName>& dictionaries) {
  std::string out;
  for (const corpora::FreeDictName& d : dictionaries) out += (out.empty() ? "" : ", ") + d.Name();
  return out;
}

// "de-fr": the two languages of a dictionary, in alphabetical order, as language tags.
std::string PairKey(const corpora::FreeDictName& d) {
  std::string a = corpora::FreeDictLanguageTag(d.from);
  std::string b = corpora::FreeDictLanguageTag(d.to);
  if (b < a) std::swap(a, b);
  return a + "-" + b;
}

// The names of the FreeDict packages this machine's apt knows (its own Debian release), from
// its local package lists (no network). Empty when apt-cache is missing or knows none.
std::vector<std::string> AptPackageNames() {
  std::vector<std::string> names;
  FILE* pipe = popen("apt-cache pkgnames dict-freedict- 2>/dev/null", "r");
  if (pipe == nullptr) return names;
  std::string line;
  for (int c = std::fgetc(pipe); c != EOF; c = std::fgetc(pipe)) {
    if (c == '\n') {
      if (!line.empty()) names.push_back(line);
      line.clear();
    } else {
      line += static_cast<char>(c);
    }
  }
  if (!line.empty()) names.push_back(line);
  pclose(pipe);
  return names;
}

std::string Describe(const corpora::FreeDictName& d) {
  return fmt::format("{} ({} -> {})", d.DebianPackage(),
                     LanguageName(corpora::FreeDictLanguageTag(d.from)),
                     LanguageName(corpora::FreeDictLanguageTag(d.to)));
}

int OnePair(const DictionariesArgs& args, const std::vector<corpora::FreeDictName>& installed,
            const std::vector<corpora::FreeDictName>& debian, const std::string& release) {
  const std::string& s = args.source_language;
  const std::string& t = args.target_language;
  if (corpora::FreeDictCodes(s).empty() || corpora::FreeDictCodes(t).empty()) {
    std::cerr << fmt::format("tandem: error: unknown language: {}\n",
                             corpora::FreeDictCodes(s).empty() ? s : t);
    return kExitUsage;
  }
  const std::vector<corpora::FreeDictName> have = corpora::FreeDictionariesFor(installed, s, t);
  std::vector<corpora::FreeDictName> more;
  for (const corpora::FreeDictName& d : corpora::FreeDictionariesFor(debian, s, t)) {
    if (std::find(have.begin(), have.end(), d) == have.end()) more.push_back(d);
  }
  std::cout << fmt::format(
      "{}-{}: {}\n", s, t,
      have.empty() ? "no FreeDict dictionary installed" : "installed: " + Names(have));
  if (!more.empty()) {
    std::cout << fmt::format("{} has{}:\n", release, have.empty() ? "" : " also");
    for (const corpora::FreeDictName& d : more) std::cout << "  " << Describe(d) << '\n';
    std::cout << fmt::format("install with: {} {}\n", InstallCommand(), Packages(more));
  } else if (have.empty()) {
    std::cout << fmt::format(
        "{} has no FreeDict dictionary for {} and {}; align, batch and discover take one of "
        "your own with their option --dictionary FILE (docs/formats.md)\n",
        release, LanguageName(s), LanguageName(t));
  }
  return kExitOk;
}

// --prepare: the installed dictionaries of the pair (or of every pair), prepared for both
// directions and kept in the cache, so that the first alignment does not wait for them.
int Prepare(const DictionariesArgs& args, const std::vector<corpora::FreeDictName>& installed) {
  std::vector<std::pair<std::string, std::string>> directions;
  if (!args.source_language.empty()) {
    directions = {{args.source_language, args.target_language},
                  {args.target_language, args.source_language}};
  } else {
    std::map<std::string, std::pair<std::string, std::string>> pairs;
    for (const corpora::FreeDictName& d : installed) {
      std::string a = corpora::FreeDictLanguageTag(d.from);
      std::string b = corpora::FreeDictLanguageTag(d.to);
      if (b < a) std::swap(a, b);
      pairs[PairKey(d)] = {a, b};
    }
    for (const auto& [key, pair] : pairs) {
      directions.push_back(pair);
      directions.emplace_back(pair.second, pair.first);
    }
  }
  const std::string cache = corpora::DefaultDictionaryCache();
  if (cache.empty()) {
    std::cerr << "tandem: error: no cache directory: neither XDG_CACHE_HOME nor HOME is set\n";
    return kExitFailure;
  }
  corpora::DictionaryRequest request;
  request.freedict_directory = args.directory;
  int status = kExitOk;
  for (const auto& [source, target] : directions) {
    const auto start = std::chrono::steady_clock::now();
    StatusOr<corpora::PreparedDictionaries> prepared =
        corpora::LoadPreparedDictionaries(request, source, target);
    if (!prepared.ok()) {
      std::cerr << fmt::format("tandem: error: {}-{}: {}\n", source, target,
                               prepared.status().message());
      status = kExitFailure;
      continue;
    }
    for (const std::string& note : prepared->notes) std::cerr << "tandem: note: " << note << '\n';
    std::string names;
    for (const auto& lexicon : prepared->lexicons) {
      names += (names.empty() ? "" : ", ") + lexicon->name();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (prepared->lexicons.empty()) {
      std::cout << fmt::format("{}-{}: no FreeDict dictionary installed\n", source, target);
    } else if (prepared->from_cache == prepared->lexicons.size()) {
      std::cout << fmt::format("{}-{}: {} prepared already\n", source, target, names);
    } else {
      std::cout << fmt::format("{}-{}: {} prepared ({:.1f} s)\n", source, target, names, seconds);
    }
  }
  std::cout << fmt::format("kept in {}\n", cache);
  return status;
}

int Run(const DictionariesArgs& args) {
  const std::vector<corpora::FreeDictName> installed =
      corpora::InstalledFreeDictionaries(args.directory);
  if (args.source_language.empty() != args.target_language.empty()) {
    std::cerr << "tandem: error: give both --source-lang and --target-lang, or neither\n";
    return kExitUsage;
  }
  if (args.prepare) return Prepare(args, installed);
  std::vector<std::string> apt_names;
  if (args.apt) apt_names = AptPackageNames();
  if (args.apt && apt_names.empty()) {
    std::cerr << "tandem: apt-cache knows no dict-freedict- package (no apt, or its package lists "
                 "are empty: apt-get update); showing Debian 12's\n";
  }
  const std::vector<corpora::FreeDictName> debian = corpora::DebianFreeDictionaries(apt_names);
  const std::string release = apt_names.empty() ? "Debian 12" : "This machine's Debian";
  if (!args.source_language.empty() || !args.target_language.empty()) {
    if (args.source_language.empty() || args.target_language.empty()) {
      std::cerr << "tandem: error: give both --source-lang and --target-lang, or neither\n";
      return kExitUsage;
    }
    return OnePair(args, installed, debian, release);
  }

  std::map<std::string, std::vector<corpora::FreeDictName>> installed_pairs;
  for (const corpora::FreeDictName& d : installed) installed_pairs[PairKey(d)].push_back(d);
  std::map<std::string, std::vector<corpora::FreeDictName>> missing;  // of installed pairs
  std::map<std::string, std::vector<corpora::FreeDictName>> available;
  for (const corpora::FreeDictName& d : debian) {
    if (std::find(installed.begin(), installed.end(), d) != installed.end()) continue;
    const std::string key = PairKey(d);
    (installed_pairs.contains(key) ? missing : available)[key].push_back(d);
  }
  std::cout << fmt::format(
      "FreeDict dictionaries installed in {} (align, batch and discover use "
      "them by themselves):\n",
      args.directory);
  if (installed_pairs.empty()) std::cout << "  none\n";
  for (const auto& [key, dictionaries] : installed_pairs) {
    std::cout << fmt::format("  {:<8} {}", key, Names(dictionaries));
    if (missing.contains(key)) {
      std::cout << fmt::format(" (the other direction: {})", Packages(missing.at(key)));
    }
    std::cout << '\n';
  }
  std::cout << fmt::format(
      "\nLanguage pairs {} has FreeDict dictionaries for, not installed "
      "({} PACKAGE...):\n",
      release, InstallCommand());
  for (const auto& [key, dictionaries] : available) {
    std::cout << fmt::format("  {:<8} {}\n", key, Packages(dictionaries));
  }
  std::size_t package_count = 0;
  for (const auto& [key, dictionaries] : available) package_count += dictionaries.size();
  std::cout << fmt::format(
      "\n{} pairs installed; {} more in {} packages ({}). For one pair: tandem dictionaries -s "
      "LANG -t LANG.\n",
      installed_pairs.size(), available.size(), package_count,
      apt_names.empty() ? "Debian 12's package names, built in; --apt asks apt-cache"
                        : "from apt-cache");
  return kExitOk;
}

}  // namespace

std::string MissingDictionaryHint(const std::string& source_language,
                                  const std::string& target_language) {
  if (source_language.empty() || target_language.empty()) return {};
  const std::vector<corpora::FreeDictName> installed = corpora::FreeDictionariesFor(
      corpora::InstalledFreeDictionaries(std::string(corpora::kFreeDictDirectory)), source_language,
      target_language);
  if (!installed.empty()) return {};
  if (corpora::FreeDictCodes(source_language).empty() ||
      corpora::FreeDictCodes(target_language).empty() ||
      corpora::FreeDictCodes(source_language) == corpora::FreeDictCodes(target_language)) {
    return {};
  }
  const std::vector<corpora::FreeDictName> debian = corpora::FreeDictionariesFor(
      corpora::DebianFreeDictionaries(), source_language, target_language);
  if (debian.empty()) {
    return fmt::format(
        "Debian has no FreeDict dictionary for {}-{}; --dictionary FILE takes one "
        "of your own",
        source_language, target_language);
  }
  return fmt::format("{} {} gives one (tandem dictionaries lists every pair)", InstallCommand(),
                     Packages(debian));
}

void AddDictionariesCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<DictionariesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "dictionaries",
      "List the language pairs with a FreeDict dictionary installed, and the Debian packages "
      "that would add a pair (offline: from package names)");
  cmd->add_option("-s,--source-lang", args->source_language,
                  "with --target-lang: only this pair (BCP 47 tags: en, de, ...)");
  cmd->add_option("-t,--target-lang", args->target_language, "the pair's other language");
  cmd->add_option("--directory", args->directory, "where FreeDict's files are")
      ->default_val(args->directory);
  cmd->add_flag("--apt", args->apt,
                "the package names of this machine's Debian release, from apt-cache's local "
                "package lists, instead of Debian 12's (built in)");
  cmd->add_flag("--prepare", args->prepare,
                "prepare the installed dictionaries of the pair (with -s and -t) or of every "
                "pair, both directions, and keep them in the cache ($XDG_CACHE_HOME/tandem or "
                "~/.cache/tandem), so that no alignment waits for them");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
