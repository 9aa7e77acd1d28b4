// tandem segment: one sentence per line and a blank line between paragraphs, or JSON Lines with
// the byte span of every sentence.
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common.h"
#include "options.h"
#include "tandem/core/segmenter.h"

namespace tandem::cli {
namespace {

enum class SegmentFormat { kText, kJsonl };

struct SegmentArgs {
  std::string input;
  std::string output = "-";
  SegmentOptions options;
  DecodeOptions decode;
  SegmentFormat format = SegmentFormat::kText;
};

// Writes a sentence on one line: line breaks inside it (hard-wrapped input) become spaces.
void WriteOneLine(std::ostream& out, std::string_view sentence) {
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    const char c = sentence[i];
    if (c == '\r' && i + 1 < sentence.size() && sentence[i + 1] == '\n') continue;
    out << (c == '\n' || c == '\r' ? ' ' : c);
  }
  out << '\n';
}

void WriteText(const Document& doc, std::ostream& out) {
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    if (p > 0) out << '\n';
    const Paragraph& para = doc.paragraphs[p];
    for (std::size_t k = 0; k < para.sentence_count; ++k) {
      WriteOneLine(out, doc.SentenceText(para.first_sentence + k));
    }
  }
}

// One sentence per line (docs/formats.md, "Sentences as JSON Lines").
void WriteJsonl(const Document& doc, std::ostream& out) {
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    nlohmann::json line = {
        {"index", i},
        {"paragraph", s.paragraph},
        {"kind", ParagraphKindName(doc.paragraphs[s.paragraph].kind)},
        {"begin", s.span.begin},
        {"end", s.span.end},
        {"text", std::string(doc.SentenceText(i))},
    };
    // Spans of converted input count bytes of the UTF-8 conversion, not of the file.
    if (doc.converted) line["encoding"] = doc.encoding;
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

int Run(SegmentArgs args) {
  if (const Status language = CanonicalLanguageOption(args.options.language, "--lang");
      !language.ok()) {
    return ReportError(language);
  }
  std::vector<std::string> inputs = args.options.abbreviation_files;
  inputs.push_back(args.input);
  if (const Status checked = CheckOutputs(inputs, {args.output}); !checked.ok()) {
    return ReportError(checked);
  }
  StatusOr<Document> doc = SegmentFile(args.input, args.options, args.decode);
  if (!doc.ok()) return ReportError(doc.status());
  const Status written = WriteOutput(args.output, [&](std::ostream& out) {
    if (args.format == SegmentFormat::kJsonl) {
      WriteJsonl(*doc, out);
    } else {
      WriteText(*doc, out);
    }
    return Status::Ok();
  });
  if (!written.ok()) return ReportError(written);
  return kExitOk;
}

}  // namespace

void AddSegmentCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<SegmentArgs>();
  CLI::App* cmd = app.add_subcommand(
      "segment",
      "Split a text into sentences: one sentence per line, a blank line between paragraphs "
      "(or JSON Lines with byte spans)");
  cmd->add_option("FILE", args->input, "the text file (- reads standard input)")->required();
  cmd->add_option("-l,--lang", args->options.language,
                  "language of the text, BCP 47 (en, hu, de, ...); cs, de, en, es, fr, hu, is, "
                  "it, nl, pl, pt and ru have rules of their own, other languages the default "
                  "rules")
      ->required();
  cmd->add_option("-o,--output", args->output, "where to write (default: standard output)");
  AddNamedOption<SegmentFormat>(
      *cmd, "-f,--format", args->format,
      {{"text", SegmentFormat::kText}, {"jsonl", SegmentFormat::kJsonl}},
      "text (the default: one sentence per line, a blank line between paragraphs) or jsonl (one "
      "sentence per line with its byte span, paragraph and paragraph kind)");
  AddInputOptions(*cmd, args->decode, args->options.abbreviation_files);
  AddParagraphsOption(*cmd, args->options.paragraphs);
  cmd->add_flag("--presegmented", args->options.presegmented,
                "the input already has one sentence per line (blank line = paragraph break)");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
