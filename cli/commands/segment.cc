// tandem segment: one sentence per line, a blank line between paragraphs.
#include <memory>
#include <ostream>
#include <string>

#include "common.h"
#include "options.h"
#include "tandem/core/segmenter.h"

namespace tandem::cli {
namespace {

struct SegmentArgs {
  std::string input;
  std::string output = "-";
  std::string language;
  ParagraphMode paragraphs = ParagraphMode::kAuto;
  bool presegmented = false;
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

int Run(const SegmentArgs& args) {
  SegmentOptions options;
  options.language = args.language;
  options.paragraphs = args.paragraphs;
  options.presegmented = args.presegmented;
  StatusOr<Document> doc = SegmentFile(args.input, options);
  if (!doc.ok()) return ReportError(doc.status());
  const Status written = WriteOutput(args.output, [&](std::ostream& out) {
    for (std::size_t p = 0; p < doc->paragraphs.size(); ++p) {
      if (p > 0) out << '\n';
      const Paragraph& para = doc->paragraphs[p];
      for (std::size_t k = 0; k < para.sentence_count; ++k) {
        WriteOneLine(out, doc->SentenceText(para.first_sentence + k));
      }
    }
    return Status::Ok();
  });
  if (!written.ok()) return ReportError(written);
  return kExitOk;
}

}  // namespace

void AddSegmentCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<SegmentArgs>();
  CLI::App* cmd =
      app.add_subcommand("segment",
                         "Split a text into sentences: one sentence per line, a blank line between "
                         "paragraphs");
  cmd->add_option("FILE", args->input, "the text file (- reads standard input)")->required();
  cmd->add_option("-l,--lang", args->language, "language of the text, BCP 47 (en, hu, de, ...)")
      ->required();
  cmd->add_option("-o,--output", args->output, "where to write (default: standard output)");
  AddParagraphsOption(*cmd, args->paragraphs);
  cmd->add_flag("--presegmented", args->presegmented,
                "the input already has one sentence per line (blank line = paragraph break)");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
