#include "sentence_file.h"

#include <utility>

#include <fmt/format.h>

#include "dom_util.h"
#include "tandem/corpora/document_builder.h"
#include "xml_stream.h"
#include "xml_util.h"

namespace tandem::tei::internal {
namespace {

class SentenceCollector final : public XmlVisitor {
 public:
  SentenceCollector(const XmlInput& input, corpora::DocumentBuilder& builder, SentenceFile& file)
      : input_(input), builder_(builder), file_(file) {}

  bool IsContainer(const std::vector<std::string>& path, std::string_view name) override {
    if (path.empty()) return true;
    return (name == "body" || name == "text") && path.size() < 3;
  }

  Status StartContainer(const std::vector<std::string>& path, pugi::xml_node element,
                        std::size_t /*offset*/) override {
    if (path.empty()) {
      file_.root = element.name();
      file_.id = Attr(element, "id");
      for (const char* attribute : {"language", "xml:lang", "lang"}) {
        if (file_.language.empty()) file_.language = Attr(element, attribute);
      }
    }
    return Status::Ok();
  }

  Status EndContainer(const std::vector<std::string>& /*path*/, std::size_t /*offset*/) override {
    return Status::Ok();
  }

  Status Elements(const std::vector<std::string>& /*path*/, pugi::xml_node fragment,
                  std::size_t base) override {
    Status status;
    for (pugi::xml_node top = fragment.first_child(); top; top = top.next_sibling()) {
      if (top.type() != pugi::node_element) continue;
      WalkTree(top, [&](pugi::xml_node node) {
        if (node.type() != pugi::node_element || std::string_view(node.name()) != "s") {
          return Walk::kDescend;
        }
        status = Sentence(node, top, base);
        return status.ok() ? Walk::kSkipChildren : Walk::kStop;
      });
      TANDEM_RETURN_IF_ERROR(status);
      block_ = pugi::xml_node();  // handles do not outlive their batch
    }
    return Status::Ok();
  }

 private:
  Status Sentence(pugi::xml_node s, pugi::xml_node top, std::size_t base) {
    const std::size_t offset = OffsetOf(s, base);
    pugi::xml_node block;
    for (pugi::xml_node n = s.parent(); n; n = n.parent()) {
      if (n.type() == pugi::node_element && IsBlock(n.name())) {
        block = n;
        break;
      }
      if (n == top) break;
    }
    if (block ? block != block_ : !in_container_paragraph_) {
      builder_.StartParagraph(block ? std::string(Attr(block, "id")) : std::string(),
                              block && std::string_view(block.name()) == "head"
                                  ? ParagraphKind::kHeading
                                  : ParagraphKind::kText);
      block_ = block;
      in_container_paragraph_ = !block;
    } else if (block) {
      in_container_paragraph_ = false;
    }
    for (pugi::xml_node n = s.first_child(); n; n = n.next_sibling()) {
      if (n.type() == pugi::node_element && std::string_view(n.name()) == "s") {
        return input_.Error(OffsetOf(n, base), "<s> inside <s>: sentences cannot be nested");
      }
    }
    const std::string text = TextOf(s);
    if (text.empty())
      return input_.Error(offset, "an empty <s>: tandem cannot hold empty sentences");
    if (!IsXmlSafe(text)) {
      return input_.Error(offset, "a character reference to a character XML 1.0 does not allow");
    }
    std::string id(Attr(s, "id"));
    if (id.empty()) id = Attr(s, "xml:id");
    builder_.AddSentence(text, std::move(id));
    return Status::Ok();
  }

  const XmlInput& input_;
  corpora::DocumentBuilder& builder_;
  SentenceFile& file_;
  pugi::xml_node block_;
  bool in_container_paragraph_ = false;
};

}  // namespace

StatusOr<SentenceFile> ReadSentenceFile(const std::string& path, const std::string& language,
                                        const corpora::WarningCallback& warn) {
  XmlInput input;
  TANDEM_RETURN_IF_ERROR(LoadXmlFile(path, &input));
  SentenceFile file;
  corpora::DocumentBuilder builder(path, language);
  SentenceCollector collector(input, builder, file);
  TANDEM_RETURN_IF_ERROR(WalkXml(input, collector, {.warn = warn}));
  if (builder.sentence_count() == 0) {
    return InvalidDataError(fmt::format("{}: no <s> elements", path));
  }
  if (!language.empty()) file.language = language;
  builder.document().language = file.language;
  TANDEM_ASSIGN_OR_RETURN(file.document, builder.Finish(warn));
  return file;
}

}  // namespace tandem::tei::internal
