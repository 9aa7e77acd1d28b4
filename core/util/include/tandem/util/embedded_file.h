// Internal (not installed): a data file compiled into a library by tandem_embed_files
// (cmake/TandemEmbed.cmake), so that tandem finds its data at run time without any install
// path. A TABLE of the embedding lists its files as EmbeddedFile records.
#pragma once

#include <string_view>

namespace tandem::internal {

struct EmbeddedFile {
  std::string_view name;     // the file name without directory and extension ("en")
  std::string_view content;  // its bytes
};

}  // namespace tandem::internal
