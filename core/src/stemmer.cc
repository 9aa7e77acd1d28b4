#include "stemmer.h"

#include <libstemmer.h>
#include <mutex>

#include <climits>
#include <fmt/format.h>

#include "tandem/core/language.h"

namespace tandem {

struct Stemmer::Impl {
  struct Deleter {
    void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer;
  // A Snowball stemmer keeps its working buffer inside the object.
  std::mutex mutex;
};

Stemmer::Stemmer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;
Stemmer::~Stemmer() = default;

StatusOr<Stemmer> Stemmer::Create(const std::string& language) {
  const std::string code = Iso639_3(language);
  if (code.empty()) {
    return InvalidArgumentError(fmt::format("unknown language '{}'", language));
  }
  // Snowball knows its algorithms by ISO 639-3 code as well as by name ("hun", "hungarian").
  sb_stemmer* stemmer = sb_stemmer_new(code.c_str(), "UTF_8");
  if (stemmer == nullptr) {
    return NotFoundError(fmt::format("Snowball has no stemmer for {} ({})", language, code));
  }
  auto impl = std::make_unique<Impl>();
  impl->stemmer.reset(stemmer);
  return Stemmer(std::move(impl));
}

std::string Stemmer::Stem(std::string_view word) const {
  if (word.empty() || word.size() > static_cast<std::size_t>(INT_MAX)) return std::string(word);
  const std::lock_guard<std::mutex> lock(impl_->mutex);
  const sb_symbol* stem =
      sb_stemmer_stem(impl_->stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);  // out of memory in Snowball
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(impl_->stemmer.get())));
}

}  // namespace tandem
