// Segments and aligns two tiny texts with the installed library and writes TEI to stdout.
#include <iostream>
#include <sstream>

#include "tandem/align/aligner.h"
#include "tandem/core/segmenter.h"
#include "tandem/corpora/bitext.h"
#include "tandem/tei/writer.h"

namespace {

tandem::StatusOr<tandem::Document> Segment(const char* text, const char* language) {
  tandem::SegmentOptions options;
  options.language = language;
  TANDEM_ASSIGN_OR_RETURN(tandem::Segmenter segmenter, tandem::Segmenter::Create(options));
  tandem::DecodedText input;
  input.text = text;
  return segmenter.Segment(std::move(input), std::string(language) + ".txt");
}

tandem::Status Main() {
  tandem::corpora::Bitext bitext;
  TANDEM_ASSIGN_OR_RETURN(bitext.source, Segment("Good morning. How are you?", "en"));
  TANDEM_ASSIGN_OR_RETURN(bitext.target, Segment("Jó reggelt. Hogy vagy?", "hu"));
  tandem::align::AlignInput input{bitext.source.SentenceTexts(), bitext.target.SentenceTexts(),
                                  "en", "hu"};
  TANDEM_ASSIGN_OR_RETURN(bitext.ladder, tandem::align::Align(input, {}));
  std::ostringstream xml;
  TANDEM_RETURN_IF_ERROR(tandem::tei::WriteTei(bitext, {}, xml));
  std::cout << xml.str();
  return bitext.ladder.size() == 2 ? tandem::Status::Ok()
                                   : tandem::InternalError("expected two 1:1 beads");
}

}  // namespace

int main() {
  const tandem::Status status = Main();
  if (!status.ok()) {
    std::cerr << "consumer: " << status.message() << '\n';
    return 1;
  }
  return 0;
}
